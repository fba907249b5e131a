package ai.physical.textbook.auth.profile;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The complete-profile cache in Redis: {@code textbook:profile:<userId>}, JSON, one hour. Redis failures never fail
 * a request: a read becomes a miss, a write or eviction is logged. An eviction that fails leaves a stale entry for at
 * most the TTL, which is why the TTL is short.
 */
@Component
class ProfileCache {

	static final String PREFIX = "textbook:profile:";

	static final Duration TTL = Duration.ofHours(1);

	private static final Logger logger = LoggerFactory.getLogger(ProfileCache.class);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	ProfileCache(StringRedisTemplate redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	static String key(UUID userId) {
		return PREFIX + userId;
	}

	Optional<CompleteProfile> get(UUID userId) {
		try {
			String cached = this.redis.opsForValue().get(key(userId));
			return (cached != null) ? Optional.of(this.json.readValue(cached, CompleteProfile.class)) : Optional.empty();
		}
		catch (DataAccessException | JacksonException ex) {
			logger.warn("Profile cache read failed for {}: {}", userId, ex.getMessage());
			return Optional.empty();
		}
	}

	void put(CompleteProfile profile) {
		try {
			this.redis.opsForValue().set(key(profile.userId()), this.json.writeValueAsString(profile), TTL);
		}
		catch (DataAccessException ex) {
			logger.warn("Profile cache write failed for {}: {}", profile.userId(), ex.getMessage());
		}
	}

	void evict(UUID userId) {
		try {
			this.redis.delete(key(userId));
		}
		catch (DataAccessException ex) {
			logger.warn("Profile cache eviction failed for {} (stale for at most {}): {}", userId, TTL,
					ex.getMessage());
		}
	}

}
