package ai.physical.textbook.systemtests.badinput;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ai.physical.textbook.systemtests.support.Answers;
import ai.physical.textbook.systemtests.support.AppProcess;
import ai.physical.textbook.systemtests.support.Http;
import ai.physical.textbook.systemtests.support.IssuerStub;
import ai.physical.textbook.systemtests.support.JwtForge;
import ai.physical.textbook.systemtests.support.SystemStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * resource-api against forged and malformed access tokens. The resource-api under test trusts a stand-in issuer whose
 * signing key the test holds, so each forgery differs from a valid token in exactly one respect; the valid control
 * token proves that the rejection comes from that respect and not from anything else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourceApiForgedTokenTests {

	static final String PROTECTED = ai.physical.textbook.systemtests.support.Paths.CONTEXT;

	private IssuerStub issuer;

	private AppProcess resourceApi;

	private Http http;

	@BeforeAll
	void startResourceApiTrustingTheStub() {
		this.issuer = IssuerStub.start();
		this.resourceApi = SystemStack.get()
			.startResourceApi("resource-api-forged-tokens", this.issuer.issuer(), this.issuer.jwkSetUri(), Map.of())
			.awaitReady(SystemStack.STARTUP);
		this.http = Http.api(this.resourceApi.baseUrl());
	}

	@AfterAll
	void stop() {
		if (this.resourceApi != null) {
			this.resourceApi.close();
		}
		if (this.issuer != null) {
			this.issuer.close();
		}
	}

	private HttpResponse<String> call(String authorization) {
		return this.http.get(PROTECTED, "Authorization", authorization);
	}

	@Test
	void whenTokenIsValidThenItIsAccepted() {
		HttpResponse<String> response = call("Bearer " + this.issuer.forge().valid(UUID.randomUUID().toString()));

		assertThat(response.statusCode()).as(Answers.describe(response)).isNotIn(401, 403).isLessThan(500);
	}

	static Stream<Arguments> forgeries() {
		Instant now = Instant.now();
		return Stream.of(
				forgery("alg none", (forge) -> forge.algNone(user())),
				forgery("HS256 keyed with the RSA public key", (forge) -> forge.hs256WithPublicKey(user())),
				forgery("HS256 keyed with the JWK set text", (forge) -> forge.hs256WithJwkSetText(user())),
				forgery("attacker key under the trusted kid", (forge) -> forge.spoofedKid(user())),
				forgery("payload tampered, signature kept", (forge) -> forge.tampered(user(), user())),
				forgery("signature truncated", (forge) -> forge.truncatedSignature(user())),
				forgery("signature missing", (forge) -> forge.withoutSignature(user())),
				forgery("wrong issuer", (forge) -> forge.validWith(user(), (claims) -> claims.issuer("http://127.0.0.1:1/evil"))),
				forgery("expired", (forge) -> forge.validWith(user(), (claims) -> claims
					.issueTime(Date.from(now.minus(Duration.ofMinutes(30))))
					.notBeforeTime(Date.from(now.minus(Duration.ofMinutes(30))))
					.expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))))),
				forgery("not yet valid", (forge) -> forge.validWith(user(), (claims) -> claims
					.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10))))
					.expirationTime(Date.from(now.plus(Duration.ofMinutes(25)))))),
				forgery("not a JWT", (forge) -> "not-a-jwt"),
				forgery("three empty parts", (forge) -> ".."),
				forgery("base64 garbage", (forge) -> "eyJhbGciOiJSUzI1NiJ9.%%%%.####"),
				forgery("4 KiB of letters", (forge) -> "a".repeat(4096)));
	}

	private static Arguments forgery(String name, Function<JwtForge, String> token) {
		return Arguments.of(name, token);
	}

	private static String user() {
		return UUID.randomUUID().toString();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forgeries")
	void whenTokenIsForgedThen401AndNothingWritten(String name, Function<JwtForge, String> forgery) {
		Map<String, Long> before = SystemStack.get().database().dataRowCounts();

		HttpResponse<String> response = call("Bearer " + forgery.apply(this.issuer.forge()));

		assertThat(response.statusCode()).as(name + ": " + Answers.describe(response)).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).as(name).startsWith("Bearer");
		Answers.assertNoLeak(response);
		assertThat(SystemStack.get().database().dataRowCounts()).as(name).isEqualTo(before);
	}

	static Stream<Arguments> unknownKeyForgeries() {
		return Stream.of(forgery("unknown kid", (forge) -> forge.unknownKid(user())),
				forgery("attacker key embedded in jwk/jku headers", (forge) -> forge.embeddedAttackerKey(user())),
				forgery("ES256 outside the algorithm allowlist", (forge) -> forge.es256(user())));
	}

	// Was a product gap: a refetch refused by the rate limiter escaped as 500. resource-api's key source now answers
	// "no key" when the set was fetched moments ago (401), and 503 when the issuer cannot be reached.
	@ParameterizedTest(name = "{0}")
	@MethodSource("unknownKeyForgeries")
	void whenTokenIsSignedWithAnUnknownKeyThen401NotAServerError(String name, Function<JwtForge, String> forgery) {
		HttpResponse<String> response = call("Bearer " + forgery.apply(this.issuer.forge()));

		assertThat(response.statusCode()).as(name + ": " + Answers.describe(response)).isEqualTo(401);
	}

	@Test
	void whenAuthorizationHeaderExceedsTheHeaderLimitThenAClean4xx() {
		HttpResponse<String> response = call("Bearer " + "a".repeat(16 * 1024));

		Answers.assertClientError(response);
	}

	@Test
	void whenAuthorizationHeaderIsMalformedThen401() {
		for (String header : List.of("Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer  x.y.z", "Token abc",
				"Bearer " + "\u00e9\u00e8".repeat(10))) {
			HttpResponse<String> response = call(header);
			assertThat(response.statusCode()).as(header + ": " + Answers.describe(response)).isIn(400, 401);
			Answers.assertNoLeak(response);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("claimForgeries")
	void whenAudienceTypeOrRequiredClaimIsWrongThen401(String name, Function<JwtForge, String> forgery) {
		HttpResponse<String> response = call("Bearer " + forgery.apply(this.issuer.forge()));

		assertThat(response.statusCode()).as(name + ": " + Answers.describe(response)).isEqualTo(401);
		Answers.assertNoLeak(response);
	}

	static Stream<Arguments> claimForgeries() {
		return Stream.of(
				forgery("audience of another API", (forge) -> forge.validWith(user(), (claims) -> claims.audience(List.of("other-api")))),
				forgery("no audience", (forge) -> forge.validWith(user(), (claims) -> claims.audience((String) null))),
				forgery("typ JWT (an ID token, not an access token)", (forge) -> forge.signWithType(forge.validClaims(user()).build(), JOSEObjectType.JWT)),
				forgery("no typ", (forge) -> forge.signWithType(forge.validClaims(user()).build(), null)),
				forgery("no exp (would never expire)", (forge) -> forge.validWith(user(), (claims) -> claims.expirationTime(null))),
				forgery("no jti (could never be revoked)", (forge) -> forge.validWith(user(), (claims) -> claims.jwtID(null))),
				forgery("no sub", (forge) -> forge.validWith(user(), (claims) -> claims.subject(null))));
	}

	// The seed's 401 body as RFC 9457 problem details.
	@Test
	void whenTokenIsForgedThenTheBodyIsTheSeedsProblemDetails() {
		HttpResponse<String> response = call("Bearer " + this.issuer.forge().algNone(user()));

		Answers.assertProblem(response, 401);
		assertThat(response.body()).contains("\"code\":\"AUTH_TOKEN_INVALID\"");
	}

	// Was a product gap (20 fetches for 20 tokens on the skeleton): now at most two fetches per 30 s interval.
	@Test
	void whenUnknownKidsArriveThenTheJwkSetIsNotFetchedForEachOne() {
		int before = this.issuer.jwkSetRequests();
		for (int i = 0; i < 20; i++) {
			assertThat(call("Bearer " + this.issuer.forge().unknownKid(user())).statusCode()).isEqualTo(401);
		}
		// A refetch on an unknown kid is right (rotation); one per forged token would let anyone hammer the issuer.
		assertThat(this.issuer.jwkSetRequests() - before).isLessThanOrEqualTo(5);
	}

}
