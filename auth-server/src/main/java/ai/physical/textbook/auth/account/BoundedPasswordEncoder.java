package ai.physical.textbook.auth.account;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets at most a fixed number of password hashes run at once (by default one per core); the others wait their turn.
 *
 * <p>Each Argon2id hash holds its memory cost (7 MiB here) for its whole run. Without a bound, every request thread
 * can hash at the same time (16 concurrent sign-ins with 19 MiB hashes held 300 MiB of heap in hash blocks alone), so memory under a sign-in burst would follow the load instead of a fixed heap. Hashing is pure CPU, so
 * running more hashes than cores gives no more throughput either: queueing them costs nothing in sign-ins per second.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final Semaphore permits;

	/**
	 * @param delegate the encoder that hashes
	 * @param maxConcurrent how many hashes may run at once (at least 1)
	 */
	BoundedPasswordEncoder(PasswordEncoder delegate, int maxConcurrent) {
		if (maxConcurrent < 1) {
			throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
		}
		this.delegate = delegate;
		this.permits = new Semaphore(maxConcurrent, true);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return bounded(() -> this.delegate.encode(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return bounded(() -> this.delegate.matches(rawPassword, encodedPassword));
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		// Reads the stored hash's parameters only: no hashing, no permit.
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	private <T> T bounded(Supplier<T> hashing) {
		try {
			this.permits.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to hash a password", ex);
		}
		try {
			return hashing.get();
		}
		finally {
			this.permits.release();
		}
	}

}
