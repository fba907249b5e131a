package ai.physical.textbook.auth.revocation;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import ai.physical.textbook.auth.account.UserSignedOutEverywhere;
import ai.physical.textbook.auth.support.AuthServerIntegrationTest;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow.Tokens;
import ai.physical.textbook.auth.support.Jwts;
import ai.physical.textbook.auth.support.ProtocolClient;
import ai.physical.textbook.auth.support.TestSecrets;
import ai.physical.textbook.auth.support.TestUsers;
import ai.physical.textbook.auth.support.TestUsers.TestUser;
import ai.physical.textbook.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RFC 7009 revocation, RFC 7662 introspection, the denylist in PostgreSQL and Redis, and sign out everywhere.
 */
@AuthServerIntegrationTest
class RevocationAndIntrospectionTests {

	static final String WEB = "textbook-web";

	static final String CALLBACK = "http://localhost:8081/";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	AccessTokenDenylist denylist;

	ProtocolClient client;

	AuthorizationCodeFlow browser;

	TestUser user;

	@BeforeEach
	void signIn() {
		this.user = new TestUsers(this.jdbc, this.passwordEncoder).create();
		this.browser = new AuthorizationCodeFlow("http://localhost:" + this.port);
		this.browser.signIn(this.user.email(), this.user.password());
		this.client = new ProtocolClient("http://localhost:" + this.port);
	}

	@Test
	@SuppressWarnings("unchecked")
	void whenAccessTokenIntrospectedThenActiveWithItsClaims() {
		Tokens tokens = this.browser.authorizeAndExchange(WEB, CALLBACK, "openid profile");

		Map<String, Object> introspection = this.client.introspect(tokens.accessToken());

		assertThat(introspection).containsEntry("active", true)
			.containsEntry("sub", this.user.id().toString())
			.containsEntry("client_id", WEB)
			.containsEntry("token_type", "Bearer")
			.containsEntry("email", this.user.email());
		assertThat((List<Object>) introspection.get("aud")).contains("textbook-api");
		assertThat(this.client.introspect(tokens.refreshToken())).containsEntry("active", true);
		assertThat(this.client.introspect("garbage")).containsEntry("active", false).hasSize(1);
	}

	@Test
	void whenIntrospectionClientUnauthenticatedThenUnauthorized() {
		HttpResponse<String> response = this.client.post("/oauth2/introspect", TestSecrets.RESOURCE_API_CLIENT,
				"wrong-secret", Map.of("token", "x"));
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void whenAccessTokenRevokedThenInactiveAndDenylistedInPostgresAndRedisUntilExpiry() {
		Tokens tokens = this.browser.authorizeAndExchange(WEB, CALLBACK, "openid profile");
		String jti = (String) Jwts.claims(tokens.accessToken()).get("jti");

		HttpResponse<String> revoke = this.client.post("/oauth2/revoke", null, null,
				Map.of("token", tokens.accessToken(), "token_type_hint", "access_token", "client_id", WEB));

		assertThat(revoke.statusCode()).isEqualTo(200);
		assertThat(this.client.introspect(tokens.accessToken())).containsEntry("active", false);
		assertThat(this.client.get("/userinfo", tokens.accessToken()).statusCode()).isEqualTo(401);
		assertThat(this.jdbc.sql("SELECT reason FROM identity.revoked_tokens WHERE token_id = :jti")
			.param("jti", jti)
			.query(String.class)
			.single()).isEqualTo("revoked");
		Long ttl = this.redis.getExpire(AccessTokenDenylist.REDIS_PREFIX + jti);
		assertThat(ttl).isBetween(1L, 15 * 60L);
		assertThat(this.denylist.isRevoked(jti)).isTrue();
		// Revoking the access token alone leaves the refresh token usable (RFC 7009 2.1 "may").
		assertThat(this.browser.refresh(WEB, tokens.refreshToken()).statusCode()).isEqualTo(200);
	}

	@Test
	void whenRefreshTokenRevokedThenWholeFamilyIsRevoked() {
		Tokens tokens = this.browser.authorizeAndExchange(WEB, CALLBACK, "openid profile");

		HttpResponse<String> revoke = this.client.post("/oauth2/revoke", null, null,
				Map.of("token", tokens.refreshToken(), "client_id", WEB));

		assertThat(revoke.statusCode()).isEqualTo(200);
		assertThat(this.client.introspect(tokens.refreshToken())).containsEntry("active", false);
		assertThat(this.client.introspect(tokens.accessToken())).containsEntry("active", false);
		assertThat(this.browser.refresh(WEB, tokens.refreshToken()).statusCode()).isEqualTo(400);
		assertThat(this.denylist.isRevoked((String) Jwts.claims(tokens.accessToken()).get("jti"))).isTrue();
	}

	@Test
	void whenAnotherClientRevokesATokenThenItStaysActive() {
		Tokens tokens = this.browser.authorizeAndExchange(WEB, CALLBACK, "openid profile");

		HttpResponse<String> revoke = this.client.post("/oauth2/revoke", TestSecrets.SERVICE_CLIENT,
				TestSecrets.SERVICE_CLIENT_SECRET, Map.of("token", tokens.refreshToken()));

		assertThat(revoke.statusCode()).isIn(200, 400);
		assertThat(this.client.introspect(tokens.refreshToken())).containsEntry("active", true);
	}

	@Test
	void whenRedisIsDownThenRevocationStillWorksFromPostgres() {
		Tokens tokens = this.browser.authorizeAndExchange(WEB, CALLBACK, "openid profile");
		String jti = (String) Jwts.claims(tokens.accessToken()).get("jti");
		TestInfrastructure.get().stopRedis();
		try {
			HttpResponse<String> revoke = this.client.post("/oauth2/revoke", null, null,
					Map.of("token", tokens.accessToken(), "client_id", WEB));
			assertThat(revoke.statusCode()).isEqualTo(200);
			assertThat(this.denylist.isRevoked(jti)).isTrue();
		}
		finally {
			TestInfrastructure.get().startRedis();
			// The app's Redis client reconnects on its own schedule: wait for it, so that the tests after this one
			// (sharing the application context) do not meet a Redis the app still sees as down.
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
				this.redis.hasKey("textbook:reconnect-probe");
				return true;
			});
		}
		assertThat(this.client.introspect(tokens.accessToken())).containsEntry("active", false);
	}

	@Test
	void whenUserSignsOutEverywhereThenEveryGrantIsRevokedAndAccessTokensDenylisted() {
		Tokens web = this.browser.authorizeAndExchange(WEB, CALLBACK, "openid profile");
		Tokens again = this.browser.authorizeAndExchange(WEB, CALLBACK, "openid");
		TestUser other = new TestUsers(this.jdbc, this.passwordEncoder).create();
		AuthorizationCodeFlow otherBrowser = new AuthorizationCodeFlow("http://localhost:" + this.port);
		otherBrowser.signIn(other.email(), other.password());
		Tokens bystander = otherBrowser.authorizeAndExchange(WEB, CALLBACK, "openid");

		this.events.publishEvent(new UserSignedOutEverywhere(this.user.id(), "sign_out_everywhere"));

		for (Tokens tokens : List.of(web, again)) {
			assertThat(this.client.introspect(tokens.refreshToken())).containsEntry("active", false);
			assertThat(this.denylist.isRevoked((String) Jwts.claims(tokens.accessToken()).get("jti"))).isTrue();
		}
		assertThat(this.client.introspect(bystander.refreshToken())).containsEntry("active", true);
		assertThat(this.denylist.isRevoked((String) Jwts.claims(bystander.accessToken()).get("jti"))).isFalse();
		assertThat(this.jdbc.sql("SELECT count(*) FROM identity.revoked_tokens WHERE user_id = :id")
			.param("id", this.user.id())
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(UUID.fromString((String) Jwts.claims(web.accessToken()).get("sub"))).isEqualTo(this.user.id());
	}

}
