package ai.physical.textbook.api.token;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import ai.physical.textbook.api.redis.RedisCircuit;
import ai.physical.textbook.api.testing.ResourceApiIntegrationTest;
import ai.physical.textbook.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jti denylist: Redis first while it is known to be complete (the auth-server's marker key); PostgreSQL while
 * Redis is down or has no marker (restarted empty, not yet refilled); Redis again once it is back and refilled.
 */
class DenylistFallbackTests extends ResourceApiIntegrationTest {

	private static final String CATALOG = "/api/catalog/projects";

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	RedisCircuit circuit;

	@Test
	void whenTokenRevokedInRedisThenRejected() {
		JWTClaimsSet claims = issuer.userClaims(newUser()).build();
		String token = issuer.sign(claims);
		assertThat(get(CATALOG, token).statusCode()).isEqualTo(200);

		markRedisComplete();
		this.redis.opsForValue().set(RevocationDenylist.KEY_PREFIX + claims.getJWTID(), "signed_out",
				Duration.ofMinutes(15));

		assertThat(get(CATALOG, token).statusCode()).isEqualTo(401);
		assertThat(body(get(CATALOG, token)).path("code").asString()).isEqualTo("AUTH_TOKEN_INVALID");
	}

	@Test
	void whenRedisStopsThenDenylistIsReadFromPostgresAndWhenItReturnsRedisIsUsedAgain() {
		String revokedJti = UUID.randomUUID().toString();
		String revoked = issuer.sign(issuer.userClaims(newUser()).jwtID(revokedJti).build());
		String valid = issuer.sign(issuer.userClaims(newUser()).build());
		revokeInDatabase(revokedJti);

		TestInfrastructure.get().stopRedis();

		// Every request is answered correctly while Redis is down, from the first one on.
		for (int i = 0; i < 6; i++) {
			assertThat(get(CATALOG, valid).statusCode()).isEqualTo(200);
			assertThat(get(CATALOG, revoked).statusCode()).isEqualTo(401);
		}
		assertThat(this.circuit.state()).isEqualTo(CircuitBreaker.State.OPEN);

		TestInfrastructure.get().startRedis();
		// Redis comes back empty (as after a crash). Once the auth-server has refilled it and set the marker, a
		// revocation only Redis knows proves Redis is read again.
		JWTClaimsSet onlyInRedis = issuer.userClaims(newUser()).build();
		String revokedInRedisOnly = issuer.sign(onlyInRedis);
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().untilAsserted(() -> {
			markRedisComplete();
			this.redis.opsForValue().set(RevocationDenylist.KEY_PREFIX + onlyInRedis.getJWTID(), "test",
					Duration.ofMinutes(15));
			assertThat(get(CATALOG, revokedInRedisOnly).statusCode()).isEqualTo(401);
		});
		assertThat(this.circuit.state()).isIn(CircuitBreaker.State.CLOSED, CircuitBreaker.State.HALF_OPEN);
		assertThat(get(CATALOG, valid).statusCode()).isEqualTo(200);
	}

	@Test
	void whenRedisComesBackEmptyThenRevocationsAreReadFromPostgresUntilTheMarkerIsBack() {
		String revokedJti = UUID.randomUUID().toString();
		String revoked = issuer.sign(issuer.userClaims(newUser()).jwtID(revokedJti).build());
		String valid = issuer.sign(issuer.userClaims(newUser()).build());
		revokeInDatabase(revokedJti);
		markRedisComplete();
		this.redis.opsForValue().set(RevocationDenylist.KEY_PREFIX + revokedJti, "revoked", Duration.ofMinutes(15));
		assertThat(get(CATALOG, revoked).statusCode()).isEqualTo(401);

		// Redis restarted empty (or was flushed): it answers, but a miss no longer means "not revoked".
		flushRedis();

		assertThat(this.circuit.state()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(get(CATALOG, revoked).statusCode()).isEqualTo(401);
		assertThat(body(get(CATALOG, revoked)).path("code").asString()).isEqualTo("AUTH_TOKEN_INVALID");
		assertThat(get(CATALOG, valid).statusCode()).isEqualTo(200);
	}

	@Test
	void whenRedisIsMarkedCompleteThenItAloneAnswersWithoutPostgres() {
		// Written to PostgreSQL only, behind the auth-server's back (it always writes both and refills Redis): with
		// the marker present resource-api does not read PostgreSQL, which is what keeps the common path to one
		// Redis round trip.
		String jti = UUID.randomUUID().toString();
		String token = issuer.sign(issuer.userClaims(newUser()).jwtID(jti).build());
		revokeInDatabase(jti);
		markRedisComplete();

		assertThat(get(CATALOG, token).statusCode()).isEqualTo(200);

		this.redis.delete(RevocationDenylist.SYNCED_MARKER);
		assertThat(get(CATALOG, token).statusCode()).isEqualTo(401);
	}

	@Test
	void whenNeitherRedisNorPostgresCanAnswerThenRequestFailsClosedWithServiceUnavailable() {
		String valid = issuer.sign(issuer.userClaims(newUser()).build());
		this.jdbc.getJdbcTemplate().execute("ALTER TABLE identity.revoked_tokens RENAME TO revoked_tokens_hidden");
		try {
			TestInfrastructure.get().stopRedis();

			var response = get(CATALOG, valid);

			assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
			assertThat(body(response).path("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
			assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		}
		finally {
			this.jdbc.getJdbcTemplate().execute("ALTER TABLE identity.revoked_tokens_hidden RENAME TO revoked_tokens");
		}
		assertThat(get(CATALOG, valid).statusCode()).isEqualTo(200);
	}

	/** What the auth-server does once Redis holds every live revocation. */
	private void markRedisComplete() {
		this.redis.opsForValue().set(RevocationDenylist.SYNCED_MARKER, Instant.now().toString());
	}

	private void flushRedis() {
		this.redis.execute((RedisCallback<Void>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});
	}

}
