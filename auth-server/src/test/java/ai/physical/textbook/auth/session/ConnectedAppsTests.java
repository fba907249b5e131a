package ai.physical.textbook.auth.session;

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
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import ai.physical.textbook.auth.support.AuthServerIntegrationTest;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow.Tokens;
import ai.physical.textbook.auth.support.TestUsers;
import ai.physical.textbook.auth.support.TestUsers.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The account page's connected apps: first-party apps holding live tokens and consented apps are listed, and
 * "Disconnect" revokes the app's grants (refresh and access tokens stop working) and its consent, for that user only.
 */
@AuthServerIntegrationTest
class ConnectedAppsTests {

	static final String WEB = "textbook-web";

	static final String CALLBACK = "http://localhost:8081/callback.html";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	OAuth2AuthorizationConsentService consents;

	@Autowired
	RegisteredClientRepository clients;

	TestUsers users;

	@BeforeEach
	void users() {
		this.users = new TestUsers(this.jdbc, this.passwordEncoder);
	}

	@Test
	void whenReaderDisconnectsAnAppThenItsTokensStopWorkingAndItIsNoLongerListed() {
		TestUser reader = this.users.create();
		AuthorizationCodeFlow browser = signedIn(reader);
		Tokens tokens = browser.authorizeAndExchange(WEB, CALLBACK, "openid profile email");
		assertThat(userInfo(browser, tokens.accessToken())).isEqualTo(200);

		String account = browser.get("/account").body();
		assertThat(account).contains("Physical AI textbook").contains("/account/apps/" + WEB + "/disconnect");

		HttpResponse<String> disconnected = disconnect(browser, WEB);
		assertThat(disconnected.statusCode()).isEqualTo(302);
		assertThat(disconnected.headers().firstValue("Location").orElseThrow()).endsWith("/account?appDisconnected");

		assertThat(browser.refresh(WEB, tokens.refreshToken()).body()).contains("invalid_grant");
		assertThat(userInfo(browser, tokens.accessToken())).isEqualTo(401);
		assertThat(browser.get("/account").body()).doesNotContain("/account/apps/" + WEB + "/disconnect")
			.contains("No application has access to your account yet");
		await().untilAsserted(() -> assertThat(this.jdbc
			.sql("SELECT count(*) FROM identity.auth_logs WHERE user_id = :user AND event = 'app_disconnected'")
			.param("user", reader.id())
			.query(Long.class)
			.single()).isEqualTo(1));
	}

	@Test
	void whenAnotherReaderDisconnectsTheSameAppThenOnlyTheirOwnGrantsEnd() {
		TestUser owner = this.users.create();
		AuthorizationCodeFlow ownerBrowser = signedIn(owner);
		Tokens ownerTokens = ownerBrowser.authorizeAndExchange(WEB, CALLBACK, "openid profile");
		AuthorizationCodeFlow otherBrowser = signedIn(this.users.create());

		HttpResponse<String> refused = disconnect(otherBrowser, WEB);
		assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/account?appNotFound");
		assertThat(userInfo(ownerBrowser, ownerTokens.accessToken())).isEqualTo(200);
		assertThat(ownerBrowser.refresh(WEB, ownerTokens.refreshToken()).statusCode()).isEqualTo(200);
	}

	@Test
	void whenReaderDisconnectsAConsentedAppThenTheConsentIsRemoved() {
		TestUser reader = this.users.create();
		String cli = this.clients.findByClientId("textbook-cli").getId();
		this.consents.save(OAuth2AuthorizationConsent.withId(cli, reader.id().toString())
			.scope("openid")
			.scope("textbook.api")
			.build());
		AuthorizationCodeFlow browser = signedIn(reader);
		assertThat(browser.get("/account").body()).contains("Physical AI textbook CLI").contains("textbook.api");

		disconnect(browser, "textbook-cli");

		assertThat(this.consents.findById(cli, reader.id().toString())).isNull();
		assertThat(browser.get("/account").body()).doesNotContain("Physical AI textbook CLI");
	}

	@Test
	void whenDisconnectIsPostedWithoutCsrfTokenThenRefusedAndTheGrantStays() {
		TestUser reader = this.users.create();
		AuthorizationCodeFlow browser = signedIn(reader);
		Tokens tokens = browser.authorizeAndExchange(WEB, CALLBACK, "openid");

		HttpResponse<String> forged = browser.postForm("/account/apps/" + WEB + "/disconnect", Map.of("x", "y"));

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(browser.refresh(WEB, tokens.refreshToken()).statusCode()).isEqualTo(200);
	}

	private AuthorizationCodeFlow signedIn(TestUser user) {
		AuthorizationCodeFlow browser = new AuthorizationCodeFlow("http://localhost:" + this.port);
		browser.signIn(user.email(), user.password());
		return browser;
	}

	private static HttpResponse<String> disconnect(AuthorizationCodeFlow browser, String clientId) {
		String csrf = AuthorizationCodeFlow.csrfToken(browser.get("/account").body());
		return browser.postForm("/account/apps/" + clientId + "/disconnect", Map.of("_csrf", csrf));
	}

	private static int userInfo(AuthorizationCodeFlow browser, String accessToken) {
		return browser.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/userinfo"))
			.header("Authorization", "Bearer " + accessToken)
			.GET()).statusCode();
	}

}
