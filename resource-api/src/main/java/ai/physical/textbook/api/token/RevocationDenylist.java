package ai.physical.textbook.api.token;

import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import ai.physical.textbook.api.redis.RedisCircuit;

/**
 * Tells whether an access token was revoked before it expired. The auth-server writes each revocation to
 * {@code identity.revoked_tokens} (the source of truth) and to Redis with the token's remaining lifetime, and sets the
 * marker {@code textbook:revoked:synced} once Redis holds every live revocation. This class asks Redis for the token's
 * key and the marker in one round trip; it reads the table instead while Redis is down or slow (circuit breaker open)
 * and while the marker is missing (Redis restarted empty and the auth-server has not copied the denylist back yet).
 */
@Component
public class RevocationDenylist {

	/** Redis key prefix of revoked token ids (contract in docs/architecture.md). */
	public static final String KEY_PREFIX = "textbook:revoked:jti:";

	/** Redis key whose presence says Redis holds every live revocation (contract in docs/architecture.md). */
	public static final String SYNCED_MARKER = "textbook:revoked:synced";

	private static final String REVOKED_IN_DATABASE = """
			SELECT EXISTS (SELECT 1 FROM identity.revoked_tokens WHERE token_id = :jti)
			""";

	private final StringRedisTemplate redis;

	private final NamedParameterJdbcTemplate jdbc;

	private final RedisCircuit circuit;

	RevocationDenylist(StringRedisTemplate redis, NamedParameterJdbcTemplate jdbc, RedisCircuit circuit) {
		this.redis = redis;
		this.jdbc = jdbc;
		this.circuit = circuit;
	}

	/**
	 * @param jti the token's {@code jti} claim
	 * @return whether the token is revoked
	 * @throws org.springframework.dao.DataAccessException when neither Redis nor PostgreSQL can answer
	 */
	public boolean isRevoked(String jti) {
		// The database is read outside the breaker, so that a slow PostgreSQL never counts as a Redis failure.
		Boolean answer = this.circuit.call(() -> answerFromRedis(jti), () -> null);
		return (answer != null) ? answer : revokedInDatabase(jti);
	}

	/** @return the answer, or {@code null} when Redis does not know whether it is complete */
	private Boolean answerFromRedis(String jti) {
		List<String> values = this.redis.opsForValue().multiGet(List.of(KEY_PREFIX + jti, SYNCED_MARKER));
		if (values == null || values.size() != 2) {
			return null;
		}
		if (values.get(0) != null) {
			return Boolean.TRUE;
		}
		return (values.get(1) != null) ? Boolean.FALSE : null;
	}

	private boolean revokedInDatabase(String jti) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(REVOKED_IN_DATABASE, Map.of("jti", jti), Boolean.class));
	}

}
