package ai.physical.textbook.api.token;

import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import ai.physical.textbook.api.redis.RedisCircuit;

/**
 * Tells whether an access token was revoked before it expired. The auth-server writes each revocation to
 * {@code identity.revoked_tokens} (the source of truth) and to Redis with the token's remaining lifetime; this class
 * asks Redis and, while Redis is down or slow (circuit breaker open), reads the table instead.
 */
@Component
public class RevocationDenylist {

	/** Redis key prefix of revoked token ids (contract in docs/architecture.md). */
	public static final String KEY_PREFIX = "textbook:revoked:jti:";

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
		return this.circuit.call(() -> Boolean.TRUE.equals(this.redis.hasKey(KEY_PREFIX + jti)),
				() -> revokedInDatabase(jti));
	}

	private boolean revokedInDatabase(String jti) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(REVOKED_IN_DATABASE, Map.of("jti", jti), Boolean.class));
	}

}
