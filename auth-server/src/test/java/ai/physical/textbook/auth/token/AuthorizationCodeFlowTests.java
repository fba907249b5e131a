package ai.physical.textbook.auth.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import ai.physical.textbook.auth.audit.AuthEvent;
import ai.physical.textbook.auth.profile.Actor;
import ai.physical.textbook.auth.profile.HardwareBackground;
import ai.physical.textbook.auth.profile.ProfileService;
import ai.physical.textbook.auth.profile.ProfileUpdate;
import ai.physical.textbook.auth.profile.SoftwareBackground;
import ai.physical.textbook.auth.support.AuthServerIntegrationTest;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow.Pkce;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow.Tokens;
import ai.physical.textbook.auth.support.Jwts;
import ai.physical.textbook.auth.support.RecordedEvents;
import ai.physical.textbook.auth.support.TestUsers;
import ai.physical.textbook.auth.support.TestUsers.TestUser;
import ai.physical.textbook.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization code flow with PKCE, refresh rotation and the token contents, over HTTP against the real server.
 */
@AuthServerIntegrationTest
class AuthorizationCodeFlowTests {

	static final String WEB = "textbook-web";

	static final String CALLBACK = "http://localhost:8081/callback.html";

	/** Key prefix of the profile cache (docs/architecture.md). */
	static final String PROFILE_CACHE = "textbook:profile:";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	RecordedEvents events;

	@Autowired
	ProfileService profiles;

	@Autowired
	StringRedisTemplate redis;

	TestUsers users;

	TestUser user;

	AuthorizationCodeFlow browser;

	@BeforeEach
	void signIn() {
		this.users = new TestUsers(this.jdbc, this.passwordEncoder);
		this.user = this.users.create();
		this.browser = new AuthorizationCodeFlow("http://localhost:" + this.port);
		this.browser.signIn(this.user.email(), this.user.password());
	}

	@Test
	@SuppressWarnings("unchecked")
	void whenCodeFlowWithPkceThenAccessTokenIsAnRfc9068JwtWithProfileClaims() throws Exception {
		Tokens tokens = this.browser.authorizeAndExchange(WEB, CALLBACK, "openid profile email");

		SignedJWT accessToken = Jwts.parse(tokens.accessToken());
		assertThat(accessToken.getHeader().getType().toString()).isEqualTo("at+jwt");
		assertThat(accessToken.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(accessToken.getHeader().getKeyID()).isNotBlank();
		Map<String, Object> claims = accessToken.getJWTClaimsSet().toJSONObject();
		assertThat(claims).containsKeys("iss", "jti", "iat", "exp", "nbf");
		assertThat(claims.get("sub")).isEqualTo(this.user.id().toString());
		assertThat((List<Object>) claims.get("aud")).contains("textbook-api", WEB);
		assertThat(claims.get("client_id")).isEqualTo(WEB);
		assertThat((List<Object>) claims.get("scope")).contains("openid", "profile", "email");
		assertThat(claims.get("email")).isEqualTo(this.user.email());
		assertThat(claims.get("name")).isEqualTo("Ada Reader");
		assertThat(claims.get("profileComplete")).isEqualTo(true);
		assertThat(claims.get("roles")).isEqualTo(List.of("user"));
		@SuppressWarnings("unchecked")
		Map<String, Object> software = (Map<String, Object>) claims.get("softwareBackground");
		assertThat(software).containsEntry("experienceLevel", "intermediate")
			.containsEntry("programmingLanguages", List.of("Python", "C++"))
			.containsEntry("yearsOfExperience", 3L);
		@SuppressWarnings("unchecked")
		Map<String, Object> hardware = (Map<String, Object>) claims.get("hardwareBackground");
		assertThat(hardware).containsEntry("familiarPlatforms", List.of("Jetson Nano"))
			.containsEntry("roboticsExperience", "hobbyist");
		long lifetime = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
		assertThat(lifetime).isEqualTo(15 * 60);

		Map<String, Object> idToken = Jwts.claims(tokens.idToken());
		assertThat(idToken.get("sub")).isEqualTo(this.user.id().toString());
		assertThat(idToken.get("softwareBackground")).isEqualTo(software);
		assertThat(Jwts.parse(tokens.idToken()).getHeader().getType()).isNull();
		assertThat(tokens.refreshToken()).isNotBlank();
		assertThat(tokens.raw().get("token_type")).isEqualTo("Bearer");

		HttpResponse<String> userInfo = this.browser.send(HttpRequest
			.newBuilder(URI.create(this.browser.baseUrl() + "/userinfo"))
			.header("Authorization", "Bearer " + tokens.accessToken())
			.GET());
		assertThat(userInfo.statusCode()).isEqualTo(200);
		Map<String, Object> info = AuthorizationCodeFlow.json(userInfo.body());
		assertThat(info).containsEntry("sub", this.user.id().toString())
			.containsEntry("email", this.user.email())
			.containsEntry("profileComplete", true)
			.containsKey("hardwareBackground");
	}

	@Test
	void whenCodeChallengeMissingThenAuthorizationFailsWithInvalidRequest() {
		Map<String, String> withoutPkce = new HashMap<>();
		withoutPkce.put("code_challenge", null);
		withoutPkce.put("code_challenge_method", null);
		HttpResponse<String> response = this.browser.authorize(WEB, CALLBACK, "openid", this.browser.pkce(),
				withoutPkce);
		assertThat(response.statusCode()).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(CALLBACK).contains("error=invalid_request").doesNotContain("code=");
	}

	@Test
	void whenCodeChallengeMethodPlainThenAuthorizationFails() {
		Pkce pkce = this.browser.pkce();
		HttpResponse<String> response = this.browser.authorize(WEB, CALLBACK, "openid", pkce,
				Map.of("code_challenge", pkce.verifier(), "code_challenge_method", "plain"));
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("error=invalid_request").doesNotContain("code=");
	}

	@Test
	void whenCodeVerifierWrongOrMissingThenTokenRequestFails() {
		Pkce pkce = this.browser.pkce();
		String code = AuthorizationCodeFlow
			.code(this.browser.authorize(WEB, CALLBACK, "openid", pkce, Map.of()));

		HttpResponse<String> wrong = this.browser.exchange(WEB, CALLBACK, code, this.browser.pkce().verifier());
		assertThat(wrong.statusCode()).isIn(400, 401);
		assertThat(wrong.body()).containsAnyOf("invalid_grant", "invalid_client");

		HttpResponse<String> missing = this.browser.exchange(WEB, CALLBACK, code, null);
		assertThat(missing.statusCode()).isIn(400, 401);
		assertThat(missing.body()).doesNotContain("access_token");
	}

	@Test
	void whenRedirectUriNotRegisteredThenErrorIsShownWithoutRedirecting() {
		HttpResponse<String> response = this.browser.authorize(WEB, "http://localhost:8081/callback.html.evil.example",
				"openid", this.browser.pkce(), Map.of());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Location")).isEmpty();

		HttpResponse<String> prefix = this.browser.authorize(WEB, "http://localhost:8081/callback.html?x=1", "openid",
				this.browser.pkce(), Map.of());
		assertThat(prefix.statusCode()).isEqualTo(400);
		assertThat(prefix.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void whenCodeReusedThenSecondExchangeFailsAndTokensIssuedFromItAreRevoked() {
		Pkce pkce = this.browser.pkce();
		String code = AuthorizationCodeFlow.code(this.browser.authorize(WEB, CALLBACK, "openid profile", pkce, Map.of()));
		HttpResponse<String> first = this.browser.exchange(WEB, CALLBACK, code, pkce.verifier());
		assertThat(first.statusCode()).isEqualTo(200);
		Tokens tokens = Tokens.of(first.body());

		HttpResponse<String> second = this.browser.exchange(WEB, CALLBACK, code, pkce.verifier());
		assertThat(second.statusCode()).isIn(400, 401);
		assertThat(second.body()).doesNotContain("access_token");

		assertThat(this.browser.refresh(WEB, tokens.refreshToken()).statusCode()).isEqualTo(400);
		String jti = (String) Jwts.claims(tokens.accessToken()).get("jti");
		assertThat(revokedRow(jti)).isEqualTo(1);
	}

	@Test
	void whenRefreshedThenTokenRotatesAndReusingTheOldOneRevokesTheWholeFamily() {
		Tokens first = this.browser.authorizeAndExchange(WEB, CALLBACK, "openid profile");

		HttpResponse<String> refreshed = this.browser.refresh(WEB, first.refreshToken());
		assertThat(refreshed.statusCode()).isEqualTo(200);
		Tokens second = Tokens.of(refreshed.body());
		assertThat(second.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());
		assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
		assertThat(second.idToken()).isNotBlank();
		// Rotation keeps the absolute expiry of the family: 7 days after sign-in, not after this refresh.
		assertThat(refreshExpiry(second.refreshToken())).isEqualTo(refreshExpiry(first.refreshToken()));

		HttpResponse<String> reuse = this.browser.refresh(WEB, first.refreshToken());
		assertThat(reuse.statusCode()).isEqualTo(400);
		assertThat(reuse.body()).contains("invalid_grant");

		// The legitimate holder's current token is dead too: the family is revoked.
		assertThat(this.browser.refresh(WEB, second.refreshToken()).statusCode()).isEqualTo(400);
		assertThat(revokedRow((String) Jwts.claims(first.accessToken()).get("jti"))).isEqualTo(1);
		assertThat(revokedRow((String) Jwts.claims(second.accessToken()).get("jti"))).isEqualTo(1);
		assertThat(this.events.authEvents())
			.anyMatch((event) -> AuthEvent.REFRESH_TOKEN_REUSE.equals(event.event())
					&& this.user.id().equals(event.userId()) && !event.success());
	}

	@Test
	void whenProfileChangesThenRefreshAndUserinfoCarryTheNewClaims() {
		Tokens first = this.browser.authorizeAndExchange(WEB, CALLBACK, "openid profile");
		assertThat(experienceLevel(first.accessToken())).isEqualTo("intermediate");
		assertThat(this.redis.hasKey(PROFILE_CACHE + this.user.id())).as("claims read through the profile cache")
			.isTrue();

		// As the profile page and the profile API change it: through the service, which evicts the cache.
		this.profiles.save(new Actor(this.user.id(), false), this.user.id(), new ProfileUpdate(
				new SoftwareBackground(List.of("Python"), List.of("ROS 2"), "expert", List.of(), 3),
				new HardwareBackground(List.of("Raspberry Pi"), "hobbyist", "basic", List.of())));
		HttpResponse<String> refreshed = this.browser.refresh(WEB, first.refreshToken());

		assertThat(refreshed.statusCode()).isEqualTo(200);
		Tokens second = Tokens.of(refreshed.body());
		assertThat(experienceLevel(second.accessToken())).isEqualTo("expert");
		assertThat(experienceLevel(second.idToken())).isEqualTo("expert");
		assertThat(userInfo(second.accessToken()).get("softwareBackground")).asString().contains("expert");
	}

	@Test
	void whenUserinfoAskedRepeatedlyThenServedFromProfileCacheNotTheDatabase() {
		Tokens tokens = this.browser.authorizeAndExchange(WEB, CALLBACK, "openid profile email");
		assertThat(userInfo(tokens.accessToken())).containsEntry("name", "Ada Reader");

		// Changed behind the cache's back (no eviction): a userinfo that queried the database would show it.
		this.jdbc.sql("UPDATE identity.users SET name = 'Renamed' WHERE id = :id").param("id", this.user.id()).update();
		assertThat(userInfo(tokens.accessToken())).containsEntry("name", "Ada Reader");
		assertThat(userInfo(tokens.accessToken())).containsEntry("name", "Ada Reader");

		// Once the entry is gone (evicted by a profile change, or expired), the database is read again.
		this.redis.delete(PROFILE_CACHE + this.user.id());
		assertThat(userInfo(tokens.accessToken())).containsEntry("name", "Renamed")
			.containsEntry("email", this.user.email());
	}

	@Test
	void whenRedisIsDownThenTokensAndUserinfoStillCarryProfileClaims() {
		Tokens tokens = this.browser.authorizeAndExchange(WEB, CALLBACK, "openid profile email");
		TestInfrastructure.get().stopRedis();
		try {
			assertThat(userInfo(tokens.accessToken())).containsEntry("name", "Ada Reader")
				.containsEntry("profileComplete", true);
		}
		finally {
			TestInfrastructure.get().startRedis();
			// The next test signs in through the Redis session store: wait until the app has reconnected.
			Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
				.until(() -> this.redis.hasKey("textbook:health") != null);
		}
	}

	/** GET /userinfo as an API client does: the bearer token only, no browser session cookie. */
	private Map<String, Object> userInfo(String accessToken) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(this.browser.baseUrl() + "/userinfo"))
					.header("Authorization", "Bearer " + accessToken)
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return AuthorizationCodeFlow.json(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void whenUnknownRefreshTokenThenInvalidGrant() {
		HttpResponse<String> response = this.browser.refresh(WEB, "not-a-refresh-token");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("invalid_grant");
	}

	@SuppressWarnings("unchecked")
	private static String experienceLevel(String jwt) {
		return (String) ((Map<String, Object>) Jwts.claims(jwt).get("softwareBackground")).get("experienceLevel");
	}

	private java.time.OffsetDateTime refreshExpiry(String refreshToken) {
		return this.jdbc.sql("SELECT expires_at FROM identity.oauth2_authorization_token WHERE token_hash = :hash")
			.param("hash", TokenHashes.hash(refreshToken))
			.query(java.time.OffsetDateTime.class)
			.single();
	}

	private int revokedRow(String jti) {
		return this.jdbc.sql("SELECT count(*) FROM identity.revoked_tokens WHERE token_id = :jti")
			.param("jti", jti)
			.query(Integer.class)
			.single();
	}

}
