package ai.physical.textbook.auth.revocation;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import ai.physical.textbook.auth.support.AuthServerIntegrationTest;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow.Tokens;
import ai.physical.textbook.auth.support.ProtocolClient;
import ai.physical.textbook.auth.support.TestUsers;
import ai.physical.textbook.auth.support.TestUsers.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revoked access token is refused wherever this server accepts its own tokens, and browser clients get CORS only on
 * the endpoints they call.
 */
@AuthServerIntegrationTest
class RevokedTokenUseTests {

	static final String WEB = "textbook-web";

	static final String CALLBACK = "http://localhost:8081/";

	static final String READER_ORIGIN = "http://localhost:8081";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	ProtocolClient client;

	TestUser user;

	Tokens tokens;

	@BeforeEach
	void signInAndGetTokens() {
		this.user = new TestUsers(this.jdbc, this.passwordEncoder).create();
		AuthorizationCodeFlow browser = new AuthorizationCodeFlow("http://localhost:" + this.port);
		browser.signIn(this.user.email(), this.user.password());
		this.tokens = browser.authorizeAndExchange(WEB, CALLBACK, "openid profile");
		this.client = new ProtocolClient("http://localhost:" + this.port);
	}

	@Test
	void whenAccessTokenRevokedThenUserinfoAndProfileApiRefuseIt() {
		String profilePath = "/api/profile/" + this.user.id();
		assertThat(this.client.get("/userinfo", this.tokens.accessToken()).statusCode()).isEqualTo(200);
		assertThat(this.client.get(profilePath, this.tokens.accessToken()).statusCode()).isEqualTo(200);

		// A public client revokes with its client id alone.
		HttpResponse<String> revoked = this.client.post("/oauth2/revoke", null, null,
				Map.of("token", this.tokens.accessToken(), "token_type_hint", "access_token", "client_id", WEB));
		assertThat(revoked.statusCode()).isEqualTo(200);

		assertThat(this.client.get("/userinfo", this.tokens.accessToken()).statusCode()).isEqualTo(401);
		HttpResponse<String> profile = this.client.get(profilePath, this.tokens.accessToken());
		assertThat(profile.statusCode()).isEqualTo(401);
		assertThat(profile.body()).contains("AUTH_TOKEN_INVALID");
	}

	@Test
	void whenReaderPreflightsTokenEndpointThenAllowedAndAuthorizeGetsNoCors() {
		HttpResponse<String> token = preflight("/oauth2/token", READER_ORIGIN);
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).hasValue(READER_ORIGIN);
		assertThat(token.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

		assertThat(preflight("/oauth2/token", "https://evil.example").headers()
			.firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(preflight("/oauth2/authorize", READER_ORIGIN).headers().firstValue("Access-Control-Allow-Origin"))
			.isEmpty();
	}

	private HttpResponse<String> preflight(String path, String origin) {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type"));
	}

}
