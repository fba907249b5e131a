package ai.physical.textbook.auth.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import ai.physical.textbook.auth.token.RevokedAccessToken;

/**
 * The denylist of revoked access tokens (by {@code jti}): a row in {@code identity.revoked_tokens}, the source of
 * truth, written in the revoking transaction, and the Redis key {@code textbook:revoked:jti:<jti>} with a TTL of the
 * token's remaining lifetime, written after commit for resource servers to check cheaply. Redis being down never
 * fails a revocation: readers fall back to PostgreSQL, and {@link DenylistResync} copies what Redis missed once it is
 * back. A Redis miss counts only while the marker {@link DenylistResync#SYNCED_MARKER} says Redis is complete.
 */
@Component
public class AccessTokenDenylist {

	/** Prefix of the Redis keys; the contract with resource-api (docs/architecture.md). */
	public static final String REDIS_PREFIX = "textbook:revoked:jti:";

	private static final Logger logger = LoggerFactory.getLogger(AccessTokenDenylist.class);

	private final JdbcClient jdbc;

	private final StringRedisTemplate redis;

	private final DenylistResync resync;

	private final Clock clock = Clock.systemUTC();

	AccessTokenDenylist(JdbcClient jdbc, StringRedisTemplate redis, DenylistResync resync) {
		this.jdbc = jdbc;
		this.redis = redis;
		this.resync = resync;
	}

	/**
	 * Denylists access tokens until they expire.
	 * @param principalName the user id (or client id)
	 * @param tokens the live access tokens
	 * @param reason why, stored with the row and as the Redis value
	 */
	public void add(String principalName, List<RevokedAccessToken> tokens, String reason) {
		UUID userId = userId(principalName);
		for (RevokedAccessToken token : tokens) {
			this.jdbc.sql("""
					INSERT INTO identity.revoked_tokens (token_id, user_id, expires_at, reason)
					VALUES (:jti, (SELECT id FROM identity.users WHERE id = :userId), :expiresAt, :reason)
					ON CONFLICT (token_id) DO NOTHING
					""")
				.param("jti", token.jti())
				.param("userId", userId)
				.param("expiresAt", token.expiresAt().atOffset(ZoneOffset.UTC))
				.param("reason", reason)
				.update();
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					writeRedis(tokens, reason);
				}
			});
		}
		else {
			writeRedis(tokens, reason);
		}
	}

	/**
	 * @param jti the token id
	 * @return whether the access token was revoked (Redis first; PostgreSQL when Redis is unavailable or not known
	 * to be complete)
	 */
	public boolean isRevoked(String jti) {
		try {
			// One round trip: the token's key and the marker that makes a miss trustworthy.
			List<String> values = this.redis.opsForValue().multiGet(List.of(REDIS_PREFIX + jti,
					DenylistResync.SYNCED_MARKER));
			if (values != null && values.get(0) != null) {
				return true;
			}
			if (values != null && values.get(1) != null) {
				return false;
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Redis unavailable for the denylist; reading PostgreSQL", ex);
		}
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.revoked_tokens WHERE token_id = :jti)")
			.param("jti", jti)
			.query(Boolean.class)
			.single();
	}

	private void writeRedis(List<RevokedAccessToken> tokens, String reason) {
		Instant now = this.clock.instant();
		for (RevokedAccessToken token : tokens) {
			Duration ttl = Duration.between(now, token.expiresAt());
			if (ttl.isNegative() || ttl.isZero()) {
				continue;
			}
			try {
				this.redis.opsForValue().set(REDIS_PREFIX + token.jti(), reason, ttl);
			}
			catch (RuntimeException ex) {
				// PostgreSQL already holds the revocation; readers fall back to it and the resync copies it to Redis.
				logger.warn("Could not write the revoked token {} to Redis: {}", token.jti(), ex.getMessage());
				this.resync.resyncNeeded();
			}
		}
	}

	private static UUID userId(String principalName) {
		try {
			return UUID.fromString(principalName);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
	}

}
