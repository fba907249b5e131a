package ai.physical.textbook.api.redis;

import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Redis call of resource-api goes through one circuit breaker, because "Redis is down or slow" is one fact
 * shared by the denylist, the context cache and anything else. While the breaker is open, callers get their fallback
 * at once instead of waiting for a timeout on every request; after a pause it lets a few calls probe Redis and closes
 * again when they succeed.
 */
public final class RedisCircuit {

	private static final Logger logger = LoggerFactory.getLogger(RedisCircuit.class);

	private final CircuitBreaker breaker;

	public RedisCircuit(CircuitBreaker breaker) {
		this.breaker = breaker;
		breaker.getEventPublisher()
			.onStateTransition((event) -> logger.warn("Redis circuit breaker: {}", event.getStateTransition()));
	}

	/**
	 * Runs a Redis call; when Redis fails, is slow to answer or the breaker is open, returns the fallback's value.
	 * @param call the Redis call
	 * @param fallback what to answer without Redis (may itself throw)
	 * @return the call's or the fallback's value
	 */
	public <T> T call(Supplier<T> call, Supplier<T> fallback) {
		try {
			return this.breaker.executeSupplier(call);
		}
		catch (CallNotPermittedException ex) {
			// Open breaker: Redis is known to be unavailable.
		}
		catch (RuntimeException ex) {
			// Lettuce failures arrive translated (DataAccessException) or, rarely, raw: both mean "no answer".
			logger.debug("Redis call failed, using the fallback: {}", ex.toString());
		}
		return fallback.get();
	}

	/** Runs a Redis call whose failure is harmless (a cache write, a cache eviction). */
	public void run(Runnable call) {
		call(() -> {
			call.run();
			return null;
		}, () -> null);
	}

	/** The breaker's state, for health reporting and tests. */
	public CircuitBreaker.State state() {
		return this.breaker.getState();
	}

}
