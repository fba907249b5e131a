package ai.physical.textbook.auth.profile;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Relays {@link ProfileChanged} to Redis pub/sub for other services (resource-api drops its personalization context):
 * channel {@code profile.updated} on every change, {@code profile.completed} as well on the first completion, with
 * the JSON {@code {"userId": "...", "profileComplete": true, "occurredAt": "..."}}. Pub/sub is fire-and-forget:
 * when Redis is down the message is lost and subscribers fall back on their cache TTL.
 */
@Component
class ProfileEventRelay {

	static final String UPDATED = "profile.updated";

	static final String COMPLETED = "profile.completed";

	private static final Logger logger = LoggerFactory.getLogger(ProfileEventRelay.class);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	ProfileEventRelay(StringRedisTemplate redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	@EventListener
	void on(ProfileChanged event) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("userId", event.userId().toString());
		message.put("profileComplete", event.profileComplete());
		message.put("occurredAt", Instant.now().toString());
		String body = this.json.writeValueAsString(message);
		publish(UPDATED, body);
		if (event.firstCompletion()) {
			publish(COMPLETED, body);
		}
	}

	private void publish(String channel, String body) {
		try {
			this.redis.convertAndSend(channel, body);
		}
		catch (DataAccessException ex) {
			logger.warn("Could not publish {} on Redis: {}", channel, ex.getMessage());
		}
	}

}
