package ai.physical.textbook.auth.account;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id with a fixed set of memory blocks reused by every hash, in the PHC string format of Spring Security's
 * {@code Argon2PasswordEncoder} ({@code $argon2id$v=19$m=7168,t=5,p=1$<salt>$<hash>}, unpadded standard Base64): each
 * encoder reads the other's hashes.
 *
 * <p>Why not Spring's encoder: it gives every hash a new generator, which allocates its memory cost anew (7,168
 * blocks of 1 KiB here) and drops it at the end. Under a sign-in burst that is 7 MiB of garbage per sign-in, most of
 * it still in use when a young collection runs, so the collector copied the blocks of the hashes in flight and pushed
 * them into the old generation (the benchmark's sign-in window: 169 young and one full collection in 55 s, resident
 * memory up to 400 MiB against 290 MiB in the other windows). Here the blocks come from one pool that keeps enough for
 * {@code maxConcurrentHashes} hashes, the number {@link BoundedPasswordEncoder} lets run at once: after the first
 * sign-ins a hash allocates nothing, and the pool is the only memory hashing holds (7 MiB per concurrent hash).
 * BouncyCastle zeroes each block before it goes back to the pool, so no hash sees another's memory.
 *
 * <p>Verification uses the parameters stored with the hash, as Spring's encoder does, so hashes made with other
 * parameters still verify; {@link #upgradeEncoding} asks for a new hash when the stored one is cheaper than the
 * current parameters.
 */
final class PooledArgon2PasswordEncoder implements PasswordEncoder {

	/** OWASP's Argon2id option of 7 MiB, 5 iterations, 1 lane (see {@link PasswordConfig}). */
	static final int MEMORY_KIB = 7 * 1024;

	static final int ITERATIONS = 5;

	static final int PARALLELISM = 1;

	/** The most a stored hash may ask for: 64 MiB, 16 iterations, 8 lanes (see {@link StoredHash#valid()}). */
	static final int MAX_MEMORY_KIB = 64 * 1024;

	static final int MAX_ITERATIONS = 16;

	static final int MAX_PARALLELISM = 8;

	private static final int SALT_LENGTH = 16;

	private static final int HASH_LENGTH = 32;

	private static final String PREFIX = "$argon2id$v=19$";

	private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

	private final Argon2BytesGenerator.BlockPool blocks;

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param maxConcurrentHashes how many hashes the pool keeps memory for; more may run, allocating their blocks as
	 * Spring's encoder does
	 */
	PooledArgon2PasswordEncoder(int maxConcurrentHashes) {
		if (maxConcurrentHashes < 1) {
			throw new IllegalArgumentException("maxConcurrentHashes must be at least 1, got " + maxConcurrentHashes);
		}
		this.blocks = new Argon2BytesGenerator.FixedBlockPool(
				Argon2BytesGenerator.getBlockCount(MEMORY_KIB, PARALLELISM) * maxConcurrentHashes);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		byte[] salt = new byte[SALT_LENGTH];
		this.random.nextBytes(salt);
		byte[] hash = hash(rawPassword, new StoredHash(Argon2Parameters.ARGON2_VERSION_13, MEMORY_KIB, ITERATIONS,
				PARALLELISM, salt, new byte[HASH_LENGTH]));
		return PREFIX + "m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$" + BASE64.encodeToString(salt)
				+ "$" + BASE64.encodeToString(hash);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		StoredHash stored = StoredHash.parse(encodedPassword);
		if (stored == null || rawPassword == null) {
			return false;
		}
		return MessageDigest.isEqual(stored.hash(), hash(rawPassword, stored));
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		StoredHash stored = StoredHash.parse(encodedPassword);
		return stored != null && (stored.memoryKib() < MEMORY_KIB || stored.iterations() < ITERATIONS);
	}

	private byte[] hash(CharSequence rawPassword, StoredHash parameters) {
		Argon2Parameters argon2 = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
			.withVersion(parameters.version())
			.withMemoryAsKB(parameters.memoryKib())
			.withIterations(parameters.iterations())
			.withParallelism(parameters.parallelism())
			.withSalt(parameters.salt())
			.withBlockPool(this.blocks)
			.build();
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(argon2);
		// Characters, as Spring's encoder passes them: BouncyCastle turns them into UTF-8 the same way for both.
		char[] password = rawPassword.toString().toCharArray();
		try {
			byte[] out = new byte[parameters.hash().length];
			generator.generateBytes(password, out);
			return out;
		}
		finally {
			Arrays.fill(password, '\0');
		}
	}

	/**
	 * An Argon2id hash as stored: {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>}; the version
	 * may be absent (then 0x10, as in the reference implementation).
	 */
	record StoredHash(int version, int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

		/** The parts of a stored hash, or null when it is not a well-formed Argon2id hash. */
		static StoredHash parse(String encoded) {
			if (encoded == null) {
				return null;
			}
			String[] parts = encoded.split("\\$", -1);
			if (parts.length < 5 || !parts[0].isEmpty() || !"argon2id".equals(parts[1])) {
				return null;
			}
			try {
				int next = 2;
				int version = Argon2Parameters.ARGON2_VERSION_10;
				if (parts[next].startsWith("v=")) {
					version = Integer.parseInt(parts[next++].substring(2));
				}
				if (parts.length != next + 3) {
					return null;
				}
				String[] costs = parts[next].split(",", -1);
				if (costs.length != 3 || !costs[0].startsWith("m=") || !costs[1].startsWith("t=")
						|| !costs[2].startsWith("p=")) {
					return null;
				}
				StoredHash stored = new StoredHash(version, Integer.parseInt(costs[0].substring(2)),
						Integer.parseInt(costs[1].substring(2)), Integer.parseInt(costs[2].substring(2)),
						Base64.getDecoder().decode(parts[next + 1]), Base64.getDecoder().decode(parts[next + 2]));
				return stored.valid() ? stored : null;
			}
			catch (IllegalArgumentException ex) {
				// NumberFormatException included: not a hash this encoder made or can check.
				return null;
			}
		}

		/**
		 * The reference implementation's lower limits, and upper ones above any of OWASP's options (at most 46 MiB, 5
		 * iterations, 1 lane): a damaged or hostile row fails verification instead of asking for gigabytes of heap or
		 * minutes of CPU.
		 */
		private boolean valid() {
			return (this.version == Argon2Parameters.ARGON2_VERSION_10
					|| this.version == Argon2Parameters.ARGON2_VERSION_13) && this.parallelism >= 1
					&& this.parallelism <= MAX_PARALLELISM && this.iterations >= 1 && this.iterations <= MAX_ITERATIONS
					&& this.memoryKib >= 8 * this.parallelism && this.memoryKib <= MAX_MEMORY_KIB
					&& this.salt.length >= 8 && this.hash.length >= 4 && this.hash.length <= 64;
		}

	}

}
