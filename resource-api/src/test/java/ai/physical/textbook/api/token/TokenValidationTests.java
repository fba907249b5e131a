package ai.physical.textbook.api.token;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import ai.physical.textbook.api.testing.ResourceApiIntegrationTest;
import ai.physical.textbook.api.testing.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real signature validation against the JWK set served by the test issuer: what is accepted and what is not.
 */
class TokenValidationTests extends ResourceApiIntegrationTest {

	private static final String CATALOG = "/api/catalog/chapters";

	@Test
	void whenRs256AccessTokenIsValidThenAccepted() {
		assertThat(get(CATALOG, issuer.sign(issuer.userClaims(newUser()).build())).statusCode()).isEqualTo(200);
	}

	@Test
	void whenEs256AccessTokenIsValidThenAccepted() {
		assertThat(get(CATALOG, issuer.signEs256(issuer.userClaims(newUser()).build())).statusCode()).isEqualTo(200);
	}

	@Test
	void whenIssuerDiffersThenRejected() {
		assertRejected(issuer.sign(issuer.userClaims(newUser()).issuer("http://evil.example").build()));
	}

	@Test
	void whenAudienceLacksTextbookApiThenRejected() {
		assertRejected(issuer.sign(issuer.userClaims(newUser()).audience(List.of("another-api")).build()));
	}

	@Test
	void whenExpiredThenRejected() {
		Instant past = Instant.now().minusSeconds(3600);
		assertRejected(issuer.sign(issuer.userClaims(newUser())
			.issueTime(Date.from(past.minusSeconds(900)))
			.notBeforeTime(Date.from(past.minusSeconds(900)))
			.expirationTime(Date.from(past))
			.build()));
	}

	@Test
	void whenTypeIsNotAtJwtThenRejected() {
		JWTClaimsSet claims = issuer.userClaims(newUser()).build();
		assertRejected(TestIssuer.sign(claims, JWSAlgorithm.RS256, issuer.rsaKey(), JOSEObjectType.JWT));
		// An ID token (typ JWT, no client_id) must not open the API either.
		assertRejected(TestIssuer.sign(claims, JWSAlgorithm.RS256, issuer.rsaKey(), null));
	}

	@Test
	void whenAlgorithmIsNotAllowedThenRejected() {
		JWTClaimsSet claims = issuer.userClaims(newUser()).build();
		// RS512 with the published key: a valid signature, but not an allowed algorithm.
		assertRejected(TestIssuer.sign(claims, JWSAlgorithm.RS512, issuer.rsaKey(), new JOSEObjectType("at+jwt")));
		// HMAC with a guessed secret under the RSA key's kid (the classic algorithm-confusion attack).
		assertRejected(TestIssuer.signHs256(claims, issuer.rsaKey().getKeyID()));
	}

	@Test
	void whenSignedByUnknownKeyThenRejected() throws Exception {
		RSAKey stranger = TestIssuer.unpublishedKey();
		assertRejected(TestIssuer.sign(issuer.userClaims(newUser()).build(), JWSAlgorithm.RS256, stranger,
				new JOSEObjectType("at+jwt")));
	}

	@Test
	void whenJtiMissingThenRejected() {
		assertRejected(issuer.sign(issuer.userClaims(newUser()).jwtID(null).build()));
	}

	@Test
	void whenTokenIsGarbageThenRejectedWithProblem() {
		assertRejected("not-a-jwt");
	}

	@Test
	void whenAuthServerRotatesInANewKeyThenTokensSignedWithItAreAccepted() throws Exception {
		// Warm the key cache with the current set.
		assertThat(get(CATALOG, issuer.sign(issuer.userClaims(newUser()).build())).statusCode()).isEqualTo(200);
		RSAKey rotated = issuer.rotateInNewKey("rotated-" + System.nanoTime());
		String token = TestIssuer.sign(issuer.userClaims(newUser()).build(), JWSAlgorithm.RS256, rotated,
				new JOSEObjectType("at+jwt"));
		// The unknown kid makes the decoder refetch the set (rate-limited to one fetch per 200 ms in tests).
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get(CATALOG, token).statusCode()).isEqualTo(200));
	}

	@Test
	void whenManyTokensWithUnknownKidsArriveThenEachIsRejectedAsInvalidNeverAServerError() throws Exception {
		RSAKey stranger = TestIssuer.unpublishedKey();
		// Faster than the refetch interval: most of them find the rate limit reached, which must mean "no such key".
		for (int i = 0; i < 20; i++) {
			RSAKey madeUp = new RSAKey.Builder(stranger).keyID("made-up-" + i + "-" + System.nanoTime()).build();
			assertRejected(TestIssuer.sign(issuer.userClaims(newUser()).build(), JWSAlgorithm.RS256, madeUp,
					new JOSEObjectType("at+jwt")));
		}
	}

	@Test
	void whenTheAuthServerKeysCannotBeFetchedForAnUnknownKidThen503ProblemAndTokensWithKnownKeysStillWork()
			throws Exception {
		RSAKey stranger = TestIssuer.unpublishedKey();
		String valid = issuer.sign(issuer.userClaims(newUser()).build());
		assertThat(get(CATALOG, valid).statusCode()).isEqualTo(200);
		issuer.jwkSetDown(true);
		try {
			// The first unknown kid past the refetch interval needs a fetch, which fails.
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(10))
				.pollInterval(java.time.Duration.ofMillis(100))
				.untilAsserted(() -> {
					RSAKey madeUp = new RSAKey.Builder(stranger).keyID("while-down-" + System.nanoTime()).build();
					HttpResponse<String> response = get(CATALOG, TestIssuer.sign(issuer.userClaims(newUser()).build(),
							JWSAlgorithm.RS256, madeUp, new JOSEObjectType("at+jwt")));
					assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
					assertThat(body(response).path("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
					assertThat(response.headers().firstValue("Retry-After")).isPresent();
				});
			assertThat(get(CATALOG, valid).statusCode()).isEqualTo(200);
		}
		finally {
			issuer.jwkSetDown(false);
		}
	}

	private void assertRejected(String token) {
		HttpResponse<String> response = get(CATALOG, token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		assertThat(body(response).path("code").asString()).isEqualTo("AUTH_TOKEN_INVALID");
		assertThat(body(response).path("message").asString()).isEqualTo("Invalid or missing authentication token");
		assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString()
			.contains("error=\"invalid_token\"");
	}

}
