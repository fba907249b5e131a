package ai.physical.textbook.auth.revocation;

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
import ai.physical.textbook.auth.support.Jwts;
import ai.physical.textbook.auth.support.ProtocolClient;
import ai.physical.textbook.auth.support.TestUsers;
import ai.physical.textbook.auth.support.TestUsers.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RP-initiated logout: the session ends, the client's grant of that session is revoked, its access tokens denylisted.
 */
@AuthServerIntegrationTest
class LogoutTests {

	static final String WEB = "textbook-web";

	static final String HOME = "http://localhost:8081/";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	AccessTokenDenylist denylist;

	AuthorizationCodeFlow browser;

	TestUser user;

	@BeforeEach
	void signIn() {
		this.user = new TestUsers(this.jdbc, this.passwordEncoder).create();
		this.browser = new AuthorizationCodeFlow("http://localhost:" + this.port);
		this.browser.signIn(this.user.email(), this.user.password());
	}

	@Test
	void whenRelyingPartyLogsOutThenSessionEndsAndItsTokensAreRevoked() {
		Tokens tokens = this.browser.authorizeAndExchange(WEB, HOME, "openid profile");

		HttpResponse<String> logout = this.browser.get("/connect/logout?" + AuthorizationCodeFlow.form(Map.of(
				"id_token_hint", tokens.idToken(), "post_logout_redirect_uri", HOME, "state", "bye")));

		assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location").orElseThrow()).isEqualTo(HOME + "?state=bye");
		assertThat(this.browser.refresh(WEB, tokens.refreshToken()).statusCode()).isEqualTo(400);
		assertThat(this.denylist.isRevoked((String) Jwts.claims(tokens.accessToken()).get("jti"))).isTrue();
		ProtocolClient client = new ProtocolClient("http://localhost:" + this.port);
		assertThat(client.introspect(tokens.accessToken())).containsEntry("active", false);
		// The browser session is gone: authorizing again needs a sign-in.
		HttpResponse<String> authorize = this.browser.authorize(WEB, HOME, "openid", this.browser.pkce(), Map.of());
		assertThat(authorize.headers().firstValue("Location").orElse("")).doesNotContain("code=");
	}

	@Test
	void whenPostLogoutRedirectUriNotRegisteredThenNoRedirectThereAndNothingRevoked() {
		Tokens tokens = this.browser.authorizeAndExchange(WEB, HOME, "openid profile");

		HttpResponse<String> logout = this.browser.get("/connect/logout?" + AuthorizationCodeFlow
			.form(Map.of("id_token_hint", tokens.idToken(), "post_logout_redirect_uri", "https://evil.example/")));

		assertThat(logout.headers().firstValue("Location").orElse("")).doesNotStartWith("https://evil.example");
		assertThat(this.browser.refresh(WEB, tokens.refreshToken()).statusCode()).isEqualTo(200);
	}

	@Test
	void whenIdTokenHintIsForgedThenLogoutIsRejected() {
		HttpResponse<String> logout = this.browser.get("/connect/logout?id_token_hint=eyJhbGciOiJub25lIn0.e30.");
		assertThat(logout.statusCode()).isEqualTo(400);
	}

}
