package ai.physical.textbook.auth.revocation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.physical.textbook.auth.support.AuthServerIntegrationTest;
import ai.physical.textbook.auth.token.RevokedAccessToken;
import ai.physical.textbook.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis loses revocations in two ways: it restarts empty, or a write fails while it is down or refusing writes. Either
 * way the scheduled resync copies every live row of {@code identity.revoked_tokens} back, with the remaining lifetime
 * as TTL, and sets the marker that lets readers trust a Redis miss again.
 */
@AuthServerIntegrationTest
class DenylistResyncTests {

	/** How long the scheduled job (every 2 s) may take to notice, including Lettuce's reconnect after a restart. */
	static final Duration NOTICED = Duration.ofSeconds(30);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	AccessTokenDenylist denylist;

	@Autowired
	DenylistResync resync;

	@AfterEach
	void redisRunning() {
		if (!TestInfrastructure.get().isRedisRunning()) {
			TestInfrastructure.get().startRedis();
		}
	}

	@Test
	void whenRedisRestartsEmptyThenEveryLiveRevocationIsCopiedBackWithItsRemainingLifetimeAndTheMarkerIsSet() {
		String live = UUID.randomUUID().toString();
		String alsoLive = UUID.randomUUID().toString();
		Instant now = Instant.now();
		this.denylist.add(null, List.of(new RevokedAccessToken(live, now.plus(Duration.ofMinutes(10)))), "revoked");
		this.denylist.add(null, List.of(new RevokedAccessToken(alsoLive, now.plus(Duration.ofMinutes(2)))), "logout");
		String expired = revokeInDatabase(Duration.ofMinutes(-1), "revoked");
		assertThat(this.redis.hasKey(AccessTokenDenylist.REDIS_PREFIX + live)).isTrue();
		String probe = "textbook:test:probe:" + UUID.randomUUID();
		this.redis.opsForValue().set(probe, "written before the restart");

		TestInfrastructure.get().stopRedis();
		Instant restarted = Instant.now();
		TestInfrastructure.get().startRedis();

		// The restarted Redis is empty (nothing rewrites the probe), so only the resync can bring the revocations back.
		Awaitility.await().atMost(NOTICED).ignoreExceptions().until(() -> !Boolean.TRUE.equals(this.redis.hasKey(probe)));
		Awaitility.await().atMost(NOTICED).ignoreExceptions().until(() -> {
			String marker = this.redis.opsForValue().get(DenylistResync.SYNCED_MARKER);
			return marker != null && Instant.parse(marker).isAfter(restarted);
		});
		assertThat(this.redis.opsForValue().get(AccessTokenDenylist.REDIS_PREFIX + live)).isEqualTo("revoked");
		assertThat(this.redis.getExpire(AccessTokenDenylist.REDIS_PREFIX + live)).isBetween(1L, 10 * 60L);
		assertThat(this.redis.opsForValue().get(AccessTokenDenylist.REDIS_PREFIX + alsoLive)).isEqualTo("logout");
		assertThat(this.redis.getExpire(AccessTokenDenylist.REDIS_PREFIX + alsoLive)).isBetween(1L, 2 * 60L);
		assertThat(this.redis.hasKey(AccessTokenDenylist.REDIS_PREFIX + expired)).isFalse();
		// The marker never expires: only a Redis that lost its data loses it.
		assertThat(this.redis.getExpire(DenylistResync.SYNCED_MARKER)).isEqualTo(-1L);
		assertThat(this.denylist.isRevoked(live)).isTrue();
	}

	@Test
	void whenTheMarkerIsPresentThenARunCopiesNothing() {
		Awaitility.await().atMost(NOTICED).ignoreExceptions()
			.until(() -> Boolean.TRUE.equals(this.redis.hasKey(DenylistResync.SYNCED_MARKER)));
		// Written to PostgreSQL behind the denylist's back: only a full copy would bring it to Redis.
		String onlyInDatabase = revokeInDatabase(Duration.ofMinutes(10), "revoked");

		assertThat(this.resync.resyncIfNeeded()).isEqualTo(-1);
		assertThat(this.redis.hasKey(AccessTokenDenylist.REDIS_PREFIX + onlyInDatabase)).isFalse();
	}

	@Test
	void whenARevocationCannotBeWrittenToRedisThenTheNextRunCopiesItAlthoughTheMarkerIsPresent() {
		Awaitility.await().atMost(NOTICED).ignoreExceptions()
			.until(() -> Boolean.TRUE.equals(this.redis.hasKey(DenylistResync.SYNCED_MARKER)));
		String jti = UUID.randomUUID().toString();
		// Redis stays up with its data (marker included) but refuses writes, as when it is out of memory.
		String maxmemory = config("maxmemory");
		String policy = config("maxmemory-policy");
		setConfig("maxmemory-policy", "noeviction");
		setConfig("maxmemory", "1");
		try {
			this.denylist.add(null, List.of(new RevokedAccessToken(jti, Instant.now().plus(Duration.ofMinutes(10)))),
					"revoked");
			assertThat(this.redis.hasKey(AccessTokenDenylist.REDIS_PREFIX + jti)).isFalse();
			assertThat(this.redis.hasKey(DenylistResync.SYNCED_MARKER)).isTrue();
		}
		finally {
			setConfig("maxmemory", maxmemory);
			setConfig("maxmemory-policy", policy);
		}

		Awaitility.await().atMost(NOTICED).ignoreExceptions()
			.until(() -> Boolean.TRUE.equals(this.redis.hasKey(AccessTokenDenylist.REDIS_PREFIX + jti)));
		assertThat(this.redis.opsForValue().get(AccessTokenDenylist.REDIS_PREFIX + jti)).isEqualTo("revoked");
		assertThat(this.denylist.isRevoked(jti)).isTrue();
	}

	@Test
	void whenTheMarkerIsMissingThenTheDenylistIsReadFromPostgres() {
		String onlyInDatabase = revokeInDatabase(Duration.ofMinutes(10), "revoked");
		this.redis.delete(DenylistResync.SYNCED_MARKER);

		// Whether the resync has run by now or not, the answer is right: from PostgreSQL or from the fresh copy.
		assertThat(this.denylist.isRevoked(onlyInDatabase)).isTrue();
		assertThat(this.denylist.isRevoked(UUID.randomUUID().toString())).isFalse();
	}

	private String revokeInDatabase(Duration remaining, String reason) {
		String jti = UUID.randomUUID().toString();
		this.jdbc.sql("""
				INSERT INTO identity.revoked_tokens (token_id, expires_at, reason)
				VALUES (:jti, :expiresAt, :reason)
				""")
			.param("jti", jti)
			.param("expiresAt", Instant.now().plus(remaining).atOffset(ZoneOffset.UTC))
			.param("reason", reason)
			.update();
		return jti;
	}

	private void setConfig(String name, String value) {
		this.redis.execute((RedisCallback<Void>) (connection) -> {
			connection.serverCommands().setConfig(name, value);
			return null;
		});
	}

	private String config(String name) {
		Properties config = this.redis
			.execute((RedisCallback<Properties>) (connection) -> connection.serverCommands().getConfig(name));
		return config.getProperty(name);
	}

}
