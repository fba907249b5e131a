package ai.physical.textbook.auth.consent;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import ai.physical.textbook.auth.support.AuthServerIntegrationTest;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow;
import ai.physical.textbook.auth.support.ProtocolClient;
import ai.physical.textbook.auth.support.TestUsers;
import ai.physical.textbook.auth.support.TestUsers.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent page: what it shows, and what it refuses.
 */
@AuthServerIntegrationTest
class ConsentPageTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void whenDeviceNeedsConsentThenPageNamesTheClientAndEveryScopeWithLabelsAndCsrf() {
		AuthorizationCodeFlow browser = signedIn();
		Map<String, Object> device = AuthorizationCodeFlow.json(new ProtocolClient(browser.baseUrl())
			.post("/oauth2/device_authorization", null, null, Map.of("client_id", "textbook-cli", "scope", "profile email"))
			.body());
		String location = browser.postForm("/oauth2/device_verification",
				Map.of("user_code", (String) device.get("user_code"))).headers().firstValue("Location").orElseThrow();

		HttpResponse<String> page = browser.get(location.substring(location.indexOf("/consent")));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Physical AI textbook CLI")
			.contains("<label for=\"scope-profile\"")
			.contains("<label for=\"scope-email\"")
			.contains("name=\"_csrf\"")
			.contains((String) device.get("user_code"))
			.contains("action=\"/oauth2/device_verification\"")
			.contains("href=\"/css/app.css\"");
		assertThat(URI.create(location).getRawQuery()).contains("state=");
	}

	@Test
	void whenClientUnknownThenBadRequest() {
		HttpResponse<String> page = signedIn().get("/consent?client_id=nobody&state=x&scope=profile");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).doesNotContain("Allow");
	}

	private AuthorizationCodeFlow signedIn() {
		TestUser user = new TestUsers(this.jdbc, this.passwordEncoder).create();
		AuthorizationCodeFlow browser = new AuthorizationCodeFlow("http://localhost:" + this.port);
		browser.signIn(user.email(), user.password());
		return browser;
	}

}
