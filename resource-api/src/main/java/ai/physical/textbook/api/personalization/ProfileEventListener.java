package ai.physical.textbook.api.personalization;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;

/**
 * Seed P4-T9: drops a reader's cached context when the auth-server announces a profile change on the
 * {@code profile.updated} or {@code profile.completed} channel ({@code {"userId": "...", "profileComplete": true,
 * "occurredAt": "..."}}).
 *
 * <p>The context is not rebuilt here: resource-api builds contexts only from token claims, and the new claims reach
 * it with the reader's next (refreshed) token, whose first request rebuilds and caches the context. Readers whose
 * cache entry was not reached by the event (Redis down at the time) are still covered: the fingerprint of the new
 * claims differs from the cached one.
 */
final class ProfileEventListener implements MessageListener {

	static final String PROFILE_UPDATED = "profile.updated";

	static final String PROFILE_COMPLETED = "profile.completed";

	private static final Logger logger = LoggerFactory.getLogger(ProfileEventListener.class);

	private final ContextCache cache;

	private final JsonMapper json;

	ProfileEventListener(ContextCache cache, JsonMapper json) {
		this.cache = cache;
		this.json = json;
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		try {
			JsonNode event = this.json.readTree(message.getBody());
			UUID userId = UUID.fromString(event.path("userId").asString());
			this.cache.evict(userId);
			logger.debug("Context of {} invalidated by {}", userId, new String(message.getChannel()));
		}
		catch (JacksonException | IllegalArgumentException ex) {
			logger.warn("Ignoring malformed profile event on {}: {}", new String(message.getChannel()), ex.getMessage());
		}
	}

}
