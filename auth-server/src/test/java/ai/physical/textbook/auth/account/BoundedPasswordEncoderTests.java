package ai.physical.textbook.auth.account;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Password hashing runs at most N at a time, with the real Argon2id encoder underneath, and stays correct.
 */
class BoundedPasswordEncoderTests {

	@Test
	void whenManyThreadsHashAtOnceThenAtMostTheBoundRunsConcurrently() throws Exception {
		ConcurrencyProbe probe = new ConcurrencyProbe(new Argon2PasswordEncoder(16, 32, 1, 1024, 1));
		BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(probe, 2);
		String hash = bounded.encode("Correct-horse-1");
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				String password = (i % 2 == 0) ? "Correct-horse-1" : "wrong-" + i;
				results.add(threads.submit(() -> bounded.matches(password, hash)));
			}
			for (int i = 0; i < results.size(); i++) {
				assertThat(results.get(i).get()).isEqualTo(i % 2 == 0);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(probe.calls.get()).isEqualTo(33);
		assertThat(probe.maxInFlight.get()).isBetween(1, 2);
	}

	@Test
	void whenApplicationEncoderBuiltThenBoundedAndStillArgon2idWithBcryptAccepted() {
		PasswordEncoder encoder = new PasswordConfig().passwordEncoder();

		assertThat(encoder).isInstanceOf(BoundedPasswordEncoder.class);
		String hash = encoder.encode("Correct-horse-1");
		assertThat(hash).startsWith("{argon2id}");
		assertThat(encoder.matches("Correct-horse-1", hash)).isTrue();
		assertThat(encoder.matches("Correct-horse-2", hash)).isFalse();
		assertThat(encoder.upgradeEncoding("{bcrypt}" + new org.springframework.security.crypto.bcrypt
			.BCryptPasswordEncoder(4).encode("x"))).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> new BoundedPasswordEncoder(encoder, 0));
	}

	/** The real encoder, recording how many calls run at the same time. */
	private static final class ConcurrencyProbe implements PasswordEncoder {

		private final PasswordEncoder delegate;

		private final AtomicInteger inFlight = new AtomicInteger();

		private final AtomicInteger maxInFlight = new AtomicInteger();

		private final AtomicInteger calls = new AtomicInteger();

		ConcurrencyProbe(PasswordEncoder delegate) {
			this.delegate = delegate;
		}

		@Override
		public String encode(CharSequence rawPassword) {
			enter();
			try {
				return this.delegate.encode(rawPassword);
			}
			finally {
				this.inFlight.decrementAndGet();
			}
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			enter();
			try {
				return this.delegate.matches(rawPassword, encodedPassword);
			}
			finally {
				this.inFlight.decrementAndGet();
			}
		}

		private void enter() {
			this.calls.incrementAndGet();
			this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		}

	}

}
