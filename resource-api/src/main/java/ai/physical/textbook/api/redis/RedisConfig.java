package ai.physical.textbook.api.redis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.physical.textbook.api.config.ResourceApiProperties;

/**
 * Redis client behaviour for outages, and the circuit breaker in front of it.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfig {

	/**
	 * By default Lettuce queues commands while it reconnects, so every request would wait for the full command
	 * timeout during an outage. Rejecting them at once lets the circuit breaker see the failure immediately.
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(java.time.Duration.ofSeconds(1)).build());
	}

	@Bean
	RedisCircuit redisCircuit(ResourceApiProperties properties) {
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(10)
			.minimumNumberOfCalls(3)
			.failureRateThreshold(50)
			.slowCallDurationThreshold(properties.redis().slowCallThreshold())
			.slowCallRateThreshold(50)
			.waitDurationInOpenState(properties.redis().waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(2)
			.build();
		return new RedisCircuit(CircuitBreaker.of("redis", config));
	}

}
