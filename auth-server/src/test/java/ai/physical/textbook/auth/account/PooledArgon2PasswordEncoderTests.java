package ai.physical.textbook.auth.account;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The pooled Argon2id encoder against Spring Security's: the same stored format both ways, the same verdicts, no
 * memory allocated per hash once the pool is warm, and no hash seeing another's blocks.
 */
class PooledArgon2PasswordEncoderTests {

	private static final Argon2PasswordEncoder SPRING = new Argon2PasswordEncoder(16, 32,
			PooledArgon2PasswordEncoder.PARALLELISM, PooledArgon2PasswordEncoder.MEMORY_KIB,
			PooledArgon2PasswordEncoder.ITERATIONS);

	private final PooledArgon2PasswordEncoder pooled = new PooledArgon2PasswordEncoder(2);

	@Test
	void whenEncodedThenSpringsFormatAndSpringsEncoderVerifiesIt() {
		String hash = this.pooled.encode("Correct-horse-1 ünïcödé 🤖");

		assertThat(hash).matches("\\$argon2id\\$v=19\\$m=7168,t=5,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
		assertThat(SPRING.matches("Correct-horse-1 ünïcödé 🤖", hash)).isTrue();
		assertThat(SPRING.matches("Correct-horse-1 unicode", hash)).isFalse();
		assertThat(this.pooled.encode("Correct-horse-1 ünïcödé 🤖")).as("a new salt each time").isNotEqualTo(hash);
	}

	@Test
	void whenSpringsEncoderMadeTheHashThenItVerifiesHereWithTheSameVerdicts() {
		String hash = SPRING.encode("Correct-horse-1 ünïcödé 🤖");

		assertThat(this.pooled.matches("Correct-horse-1 ünïcödé 🤖", hash)).isTrue();
		assertThat(this.pooled.matches("Correct-horse-1 ünïcödé 🤖 ", hash)).isFalse();
		assertThat(this.pooled.matches("", hash)).isFalse();
		assertThat(this.pooled.upgradeEncoding(hash)).isFalse();
	}

	@Test
	void whenStoredHashIsCheaperThenItStillVerifiesAndAsksForAnUpgrade() {
		String cheaper = new Argon2PasswordEncoder(16, 32, 1, 1024, 2).encode("Correct-horse-1");
		String fewerIterations = new Argon2PasswordEncoder(16, 32, 1, 7168, 3).encode("Correct-horse-1");

		assertThat(this.pooled.matches("Correct-horse-1", cheaper)).isTrue();
		assertThat(this.pooled.upgradeEncoding(cheaper)).isTrue();
		assertThat(this.pooled.upgradeEncoding(fewerIterations)).isTrue();
		assertThat(this.pooled.upgradeEncoding(this.pooled.encode("Correct-horse-1"))).isFalse();
	}

	@Test
	void whenHashHasNoVersionThenItIsTheOriginalArgon2VersionAsInTheReferenceImplementation() {
		byte[] salt = "sixteen byte slt".getBytes();
		byte[] out = new byte[32];
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
			.withVersion(Argon2Parameters.ARGON2_VERSION_10)
			.withMemoryAsKB(64)
			.withIterations(1)
			.withSalt(salt)
			.build());
		generator.generateBytes("Correct-horse-1".toCharArray(), out);
		Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
		String unversioned = "$argon2id$m=64,t=1,p=1$" + base64.encodeToString(salt) + "$" + base64.encodeToString(out);

		assertThat(this.pooled.matches("Correct-horse-1", unversioned)).isTrue();
		assertThat(this.pooled.matches("Correct-horse-1", unversioned.replace("$m=", "$v=19$m="))).isFalse();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "$argon2id$", "argon2id$v=19$m=64,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$AAAAAAAAAAA",
			"$argon2i$v=19$m=64,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"$argon2d$v=19$m=64,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"$argon2id$v=18$m=64,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"$argon2id$v=19$m=64,t=1$c2l4dGVlbiBieXRlIHNsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"$argon2id$v=19$t=1,m=64,p=1$c2l4dGVlbiBieXRlIHNsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"$argon2id$v=19$m=sixty,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"$argon2id$v=19$m=64,t=1,p=1$not*base64$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"$argon2id$v=19$m=64,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA",
			"$argon2id$v=19$m=64,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$extra",
			"$argon2id$v=19$m=64,t=1,p=1$c2hvcnQ$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"$argon2id$v=19$m=64,t=0,p=1$c2l4dGVlbiBieXRlIHNsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			// Costs no stored hash of ours has: refused instead of taking the heap or a core for minutes.
			"$argon2id$v=19$m=2097152,t=1,p=1$c2l4dGVlbiBieXRlIHNsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"$argon2id$v=19$m=64,t=100000,p=1$c2l4dGVlbiBieXRlIHNsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"$argon2id$v=19$m=65536,t=1,p=64$c2l4dGVlbiBieXRlIHNsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
	void whenStoredHashIsMalformedOrOutOfBoundsThenNoMatchAndNoUpgradeWithoutThrowing(String stored) {
		assertThat(this.pooled.matches("Correct-horse-1", stored)).isFalse();
		assertThat(this.pooled.upgradeEncoding(stored)).isFalse();
	}

	@Test
	void whenPoolIsWarmThenAHashAllocatesAFractionOfItsMemoryCostWhereSpringsAllocatesAllOfIt() {
		String hash = this.pooled.encode("Correct-horse-1");
		this.pooled.matches("Correct-horse-1", hash);
		this.pooled.matches("Correct-horse-1", hash);

		long pooledBytes = allocatedBy(() -> assertThat(this.pooled.matches("Correct-horse-1", hash)).isTrue());
		long springBytes = allocatedBy(() -> assertThat(SPRING.matches("Correct-horse-1", hash)).isTrue());

		long memoryCost = PooledArgon2PasswordEncoder.MEMORY_KIB * 1024L;
		assertThat(springBytes).isGreaterThan(memoryCost);
		// What is left: the array of 7,168 block references (28 KiB) and the generator's small buffers.
		assertThat(pooledBytes).isLessThan(memoryCost / 16);
	}

	@Test
	void whenHashesRunConcurrentlyOnSharedBlocksThenEachGetsItsOwnResult() throws Exception {
		int passwords = 6;
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < passwords; i++) {
			hashes.add(SPRING.encode("Password-" + i));
		}
		// More threads than the pool has memory for: the extra hashes allocate their own blocks.
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int round = 0; round < 3; round++) {
				for (int i = 0; i < passwords; i++) {
					String hash = hashes.get(i);
					String right = "Password-" + i;
					String wrong = "Password-" + ((i + 1) % passwords);
					results.add(threads.submit(() -> this.pooled.matches(right, hash)));
					results.add(threads.submit(() -> !this.pooled.matches(wrong, hash)));
				}
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void whenNoConcurrencyThenRefusedAtConstruction() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PooledArgon2PasswordEncoder(0))
			.withMessageContaining("maxConcurrentHashes");
	}

	private static long allocatedBy(Runnable work) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		long id = Thread.currentThread().getId();
		long before = threads.getThreadAllocatedBytes(id);
		work.run();
		return threads.getThreadAllocatedBytes(id) - before;
	}

}
