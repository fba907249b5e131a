package ai.physical.textbook.common.jdbc;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a unit of database work again when it fails transiently ({@link TransientFailures}), at most
 * {@code maxRetries} times, waiting an exponentially growing, jittered delay in between. Any other failure, and the
 * last transient one, is thrown unchanged.
 *
 * <p>Retry only whole transactions: after an error PostgreSQL has aborted the transaction, so retrying one statement
 * inside it cannot succeed. That is why a call made while a transaction is already active runs exactly once and
 * leaves the retry to the outermost unit.
 */
public final class TransientRetry {

	private static final Logger logger = LoggerFactory.getLogger(TransientRetry.class);

	private final int maxRetries;

	private final Duration initialBackoff;

	private final double multiplier;

	private final Duration maxBackoff;

	/**
	 * @param maxRetries how many times a transient failure is retried (0 disables retries)
	 * @param initialBackoff the delay before the first retry
	 * @param multiplier the factor applied to the delay after each retry
	 * @param maxBackoff the longest delay
	 */
	public TransientRetry(int maxRetries, Duration initialBackoff, double multiplier, Duration maxBackoff) {
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries must not be negative");
		}
		if (multiplier < 1) {
			throw new IllegalArgumentException("multiplier must be at least 1");
		}
		this.maxRetries = maxRetries;
		this.initialBackoff = initialBackoff;
		this.multiplier = multiplier;
		this.maxBackoff = maxBackoff;
	}

	/** Three retries starting at 100 ms, doubling, at most 2 s apart. */
	public static TransientRetry defaults() {
		return new TransientRetry(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(2));
	}

	/** Runs the work, retrying transient failures; returns its result. */
	public <T> T call(Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return work.get();
		}
		int retries = 0;
		while (true) {
			try {
				return work.get();
			}
			catch (RuntimeException | Error failure) {
				if (retries >= this.maxRetries || !TransientFailures.isTransient(failure)) {
					throw failure;
				}
				retries++;
				Duration delay = delayBeforeRetry(retries);
				logger.warn("Transient database failure, retry {} of {} in {} ms: {}", retries, this.maxRetries,
						delay.toMillis(), failure.toString());
				sleep(delay, failure);
			}
		}
	}

	/** Runs the work, retrying transient failures. */
	public void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

	/** The delay before the given retry (1-based): exponential, capped, with up to 50 % random reduction. */
	Duration delayBeforeRetry(int retry) {
		double exponential = this.initialBackoff.toMillis() * Math.pow(this.multiplier, retry - 1);
		long capped = (long) Math.min(exponential, this.maxBackoff.toMillis());
		// Jitter keeps two transactions that conflicted from retrying in lockstep and conflicting again.
		long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
		return Duration.ofMillis(jittered);
	}

	private static void sleep(Duration delay, Throwable failure) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure.addSuppressed(ex);
			if (failure instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw (Error) failure;
		}
	}

}
