package ai.physical.textbook.api.personalization;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import ai.physical.textbook.api.config.ResourceApiProperties;
import ai.physical.textbook.api.redis.RedisCircuit;

/**
 * Seed P4-T8: the personalization context cache, {@code textbook:context:<userId>} in Redis with a one-hour TTL.
 * Every operation degrades gracefully: with Redis down, reads miss and writes are skipped.
 */
@Component
class ContextCache {

	/** Redis key prefix (contract in docs/architecture.md). */
	static final String KEY_PREFIX = "textbook:context:";

	private static final Logger logger = LoggerFactory.getLogger(ContextCache.class);

	private final StringRedisTemplate redis;

	private final RedisCircuit circuit;

	private final JsonMapper json;

	private final ResourceApiProperties.Context settings;

	ContextCache(StringRedisTemplate redis, RedisCircuit circuit, JsonMapper json, ResourceApiProperties properties) {
		this.redis = redis;
		this.circuit = circuit;
		this.json = json;
		this.settings = properties.context();
	}

	/** The cached context of a user, or why there is none. */
	Lookup get(UUID userId) {
		String cached = this.circuit.call(() -> {
			String value = this.redis.opsForValue().get(KEY_PREFIX + userId);
			return (value != null) ? value : "";
		}, () -> null);
		if (cached == null) {
			return new Lookup(CacheStatus.UNAVAILABLE, null);
		}
		if (cached.isEmpty()) {
			return new Lookup(CacheStatus.MISS, null);
		}
		try {
			return new Lookup(CacheStatus.HIT, this.json.readValue(cached, PersonalizationContext.class));
		}
		catch (JacksonException ex) {
			// Written by an older version with another shape: treat as a miss, the rebuild overwrites it.
			logger.debug("Discarding unreadable cached context of {}: {}", userId, ex.getMessage());
			return new Lookup(CacheStatus.MISS, null);
		}
	}

	void put(PersonalizationContext context) {
		String value = this.json.writeValueAsString(context);
		this.circuit.run(() -> this.redis.opsForValue().set(KEY_PREFIX + context.userId(), value, this.settings.ttl()));
	}

	void evict(UUID userId) {
		this.circuit.run(() -> this.redis.delete(KEY_PREFIX + userId));
	}

	/**
	 * @param status what the lookup found
	 * @param context the cached context when {@link CacheStatus#HIT}
	 */
	record Lookup(CacheStatus status, PersonalizationContext context) {
	}

}
