package ai.physical.textbook.auth.key;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import ai.physical.textbook.auth.AuthServerApplication;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow.Tokens;
import ai.physical.textbook.auth.support.Jwts;
import ai.physical.textbook.auth.support.ProtocolClient;
import ai.physical.textbook.auth.support.TestSecrets;
import ai.physical.textbook.auth.support.TestUsers;
import ai.physical.textbook.auth.support.TestUsers.TestUser;
import ai.physical.textbook.testsupport.PostgresEndpoint;
import ai.physical.textbook.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two auth-server instances on one database (as behind a load balancer) issue and accept each other's tokens; a
 * restarted instance keeps its keys; production refuses a key-encryption key that does not open the stored keys.
 */
class MultiInstanceTests {

	private static final String HOME = "http://localhost:8081/";

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stop() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void whenTwoInstancesShareADatabaseThenEachAcceptsTheTokensOfTheOther() throws Exception {
		ConfigurableApplicationContext a = start();
		ConfigurableApplicationContext b = start();
		ProtocolClient clientA = new ProtocolClient(url(a));
		ProtocolClient clientB = new ProtocolClient(url(b));

		String fromA = accessToken(clientA);
		String fromB = accessToken(clientB);

		assertThat(Jwts.parse(fromA).getHeader().getKeyID()).isEqualTo(Jwts.parse(fromB).getHeader().getKeyID());
		assertThat(clientB.introspect(fromA)).containsEntry("active", true);
		assertThat(clientA.introspect(fromB)).containsEntry("active", true);
		assertThat(decoder(b).decode(fromA).getSubject()).isEqualTo(TestSecrets.SERVICE_CLIENT);
		assertThat(decoder(a).decode(fromB).getSubject()).isEqualTo(TestSecrets.SERVICE_CLIENT);

		// A user signs in and gets tokens on A; B refreshes them, and the rotated-away token is refused by A.
		TestUser user = new TestUsers(a.getBean(JdbcClient.class), a.getBean(PasswordEncoder.class)).create();
		AuthorizationCodeFlow browser = new AuthorizationCodeFlow(url(a));
		browser.signIn(user.email(), user.password());
		Tokens tokens = browser.authorizeAndExchange("textbook-web", HOME, "openid profile");
		HttpResponse<String> refreshedAtB = clientB.post("/oauth2/token", null, null, Map.of("grant_type",
				"refresh_token", "client_id", "textbook-web", "refresh_token", tokens.refreshToken()));
		assertThat(refreshedAtB.statusCode()).isEqualTo(200);
		HttpResponse<String> reuseAtA = clientA.post("/oauth2/token", null, null, Map.of("grant_type",
				"refresh_token", "client_id", "textbook-web", "refresh_token", tokens.refreshToken()));
		assertThat(reuseAtA.statusCode()).isEqualTo(400);
		assertThat(clientB.introspect(Tokens.of(refreshedAtB.body()).accessToken())).containsEntry("active", false);

		// A code of the browser session on A, exchanged on B: the ID token names that session (same sid and
		// auth_time as the one A issued), and logout through B with it ends the session both instances share.
		AuthorizationCodeFlow.Pkce pkce = browser.pkce();
		String code = AuthorizationCodeFlow
			.code(browser.authorize("textbook-web", HOME, "openid profile", pkce, Map.of()));
		HttpResponse<String> exchangedAtB = clientB.post("/oauth2/token", null, null,
				Map.of("grant_type", "authorization_code", "client_id", "textbook-web", "redirect_uri", HOME, "code",
						code, "code_verifier", pkce.verifier()));
		assertThat(exchangedAtB.statusCode()).as(exchangedAtB.body()).isEqualTo(200);
		String idTokenFromB = Tokens.of(exchangedAtB.body()).idToken();
		Map<String, Object> fromAClaims = Jwts.claims(tokens.idToken());
		assertThat(Jwts.claims(idTokenFromB)).containsEntry("sid", fromAClaims.get("sid"))
			.containsEntry("auth_time", fromAClaims.get("auth_time"))
			.containsKey("sid");
		HttpResponse<String> logoutAtB = browser.send(HttpRequest.newBuilder(URI.create(url(b) + "/connect/logout?"
				+ AuthorizationCodeFlow.form(Map.of("id_token_hint", idTokenFromB, "post_logout_redirect_uri", HOME))))
			.GET());
		assertThat(logoutAtB.statusCode()).as(logoutAtB.body()).isEqualTo(302);
		assertThat(logoutAtB.headers().firstValue("Location").orElseThrow()).isEqualTo(HOME);
		assertThat(browser.authorize("textbook-web", HOME, "openid", browser.pkce(), Map.of())
			.headers()
			.firstValue("Location")
			.orElse("")).as("signed out on A too").doesNotContain("code=");
	}

	@Test
	void whenAnInstanceRestartsThenItKeepsItsKeysAndTheTokensItIssued() throws Exception {
		ConfigurableApplicationContext first = start();
		String token = accessToken(new ProtocolClient(url(first)));
		List<String> kidsBefore = kids(first);
		first.close();

		ConfigurableApplicationContext restarted = start();
		ProtocolClient client = new ProtocolClient(url(restarted));

		assertThat(kids(restarted)).containsAll(kidsBefore);
		assertThat(client.introspect(token)).containsEntry("active", true);
		assertThat(decoder(restarted).decode(token).getSubject()).isEqualTo(TestSecrets.SERVICE_CLIENT);
		assertThat(Jwts.parse(accessToken(client)).getHeader().getKeyID())
			.isEqualTo(Jwts.parse(token).getHeader().getKeyID());
	}

	@Test
	void whenProductionStartsWithAnotherKeyEncryptionKeyThenItRefusesWithAClearMessage() {
		start(); // makes sure keys exist, encrypted with the test KEK
		byte[] other = new byte[32];
		new SecureRandom().nextBytes(other);

		assertThatThrownBy(() -> start("--textbook.mode=production",
				"--textbook.keys.encryption-key=" + Base64.getEncoder().encodeToString(other)))
			.hasRootCauseInstanceOf(IllegalStateException.class)
			.rootCause()
			.hasMessageContaining("different key-encryption key");
	}

	@Test
	void whenEs256IsSelectedThenAccessTokensAreSignedWithAP256KeyAndIdTokensStayRs256() throws Exception {
		// A database of its own, so that the other tests keep their RS256 key alone.
		ConfigurableApplicationContext es256 = start(TestInfrastructure.get().freshDatabase(),
				"--textbook.keys.algorithm=ES256");

		String token = accessToken(new ProtocolClient(url(es256)));

		assertThat(Jwts.parse(token).getHeader().getAlgorithm().getName()).isEqualTo("ES256");
		assertThat(decoder(es256).decode(token).getSubject()).isEqualTo(TestSecrets.SERVICE_CLIENT);
		HttpResponse<String> jwks = new ProtocolClient(url(es256))
			.send(HttpRequest.newBuilder(URI.create(url(es256) + "/oauth2/jwks")).GET());
		assertThat(JWKSet.parse(jwks.body()).getKeys()).extracting((key) -> key.getKeyType().getValue())
			.containsExactlyInAnyOrder("EC", "RSA");

		// ID tokens: RS256, what OpenID Connect clients accept by default and what discovery announces.
		TestUser user = new TestUsers(es256.getBean(JdbcClient.class), es256.getBean(PasswordEncoder.class)).create();
		AuthorizationCodeFlow browser = new AuthorizationCodeFlow(url(es256));
		browser.signIn(user.email(), user.password());
		Tokens tokens = browser.authorizeAndExchange("textbook-web", HOME, "openid profile");
		assertThat(Jwts.parse(tokens.idToken()).getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(Jwts.parse(tokens.accessToken()).getHeader().getAlgorithm().getName()).isEqualTo("ES256");
		JWKSet published = JWKSet.parse(jwks.body());
		assertThat(SignedJWT.parse(tokens.idToken())
			.verify(new RSASSAVerifier(published.getKeyByKeyId(Jwts.parse(tokens.idToken()).getHeader().getKeyID())
				.toRSAKey()))).isTrue();
		Map<String, Object> discovery = AuthorizationCodeFlow.json(browser.get("/.well-known/openid-configuration").body());
		assertThat(discovery).containsEntry("id_token_signing_alg_values_supported", List.of("RS256"));

		// An immediate rotation replaces both keys; the old ones stay published for the tokens they signed.
		String rotated = es256.getBean(SigningKeys.class).rotateNow();
		String after = accessToken(new ProtocolClient(url(es256)));
		assertThat(Jwts.parse(after).getHeader().getKeyID()).isEqualTo(rotated);
		assertThat(Jwts.parse(after).getHeader().getAlgorithm().getName()).isEqualTo("ES256");
		assertThat(kids(es256)).hasSize(4).contains(Jwts.parse(token).getHeader().getKeyID(), rotated);
		assertThat(decoder(es256).decode(token).getSubject()).isEqualTo(TestSecrets.SERVICE_CLIENT);
	}

	private ConfigurableApplicationContext start(String... extraArguments) {
		return start(TestInfrastructure.get().postgres(), extraArguments);
	}

	private ConfigurableApplicationContext start(PostgresEndpoint postgres, String... extraArguments) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=" + postgres.username(),
				"--spring.datasource.password=" + postgres.password(),
				"--spring.data.redis.url=" + TestInfrastructure.get().redis().url(), "--spring.main.banner-mode=off",
				"--spring.jmx.enabled=false"));
		arguments.addAll(List.of(extraArguments));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(AuthServerApplication.class)
			.run(arguments.toArray(new String[0]));
		this.instances.add(context);
		return context;
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static NimbusJwtDecoder decoder(ConfigurableApplicationContext context) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(url(context) + "/oauth2/jwks")
			.jwsAlgorithms((algorithms) -> algorithms.addAll(Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256)))
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtTypeValidator("at+jwt")));
		return decoder;
	}

	private static List<String> kids(ConfigurableApplicationContext context) throws Exception {
		HttpResponse<String> response = new ProtocolClient(url(context))
			.send(HttpRequest.newBuilder(URI.create(url(context) + "/oauth2/jwks")).GET());
		return JWKSet.parse(response.body()).getKeys().stream().map(JWK::getKeyID).toList();
	}

	private static String accessToken(ProtocolClient client) {
		HttpResponse<String> response = client.clientCredentials(TestSecrets.SERVICE_CLIENT,
				TestSecrets.SERVICE_CLIENT_SECRET, "textbook.api");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return (String) AuthorizationCodeFlow.json(response.body()).get("access_token");
	}

}
