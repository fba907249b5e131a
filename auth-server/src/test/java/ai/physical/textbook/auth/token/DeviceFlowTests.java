package ai.physical.textbook.auth.token;

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
 * The device authorization grant (RFC 8628): a CLI on a robot asks for a code, the learner enters it on the
 * {@code /device} page from a phone, consents, and the CLI's polling turns into tokens.
 */
@AuthServerIntegrationTest
class DeviceFlowTests {

	static final String CLI = "textbook-cli";

	static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	ProtocolClient device;

	AuthorizationCodeFlow phone;

	TestUser user;

	@BeforeEach
	void setUp() {
		this.device = new ProtocolClient("http://localhost:" + this.port);
		this.phone = new AuthorizationCodeFlow("http://localhost:" + this.port);
		this.user = new TestUsers(this.jdbc, this.passwordEncoder).create();
	}

	@Test
	void whenLearnerEntersTheCodeAndConsentsThenTheDeviceGetsTokens() {
		Map<String, Object> authorization = requestDeviceAuthorization();
		String deviceCode = (String) authorization.get("device_code");
		String userCode = (String) authorization.get("user_code");
		assertThat((String) authorization.get("verification_uri")).endsWith("/device");
		assertThat((String) authorization.get("verification_uri_complete")).contains("/device?user_code=");

		HttpResponse<String> pending = poll(deviceCode);
		assertThat(pending.statusCode()).isEqualTo(400);
		assertThat(pending.body()).contains("authorization_pending");

		this.phone.signIn(this.user.email(), this.user.password());
		HttpResponse<String> page = this.phone.get("/device?user_code=" + userCode);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("name=\"user_code\"").contains(userCode).contains("name=\"_csrf\"");

		HttpResponse<String> verification = this.phone.postForm("/oauth2/device_verification",
				Map.of("user_code", userCode));
		String consentLocation = verification.headers().firstValue("Location").orElseThrow();
		assertThat(consentLocation).contains("/consent?");
		HttpResponse<String> approved = this.phone.approveConsent(consentLocation);
		assertThat(approved.headers().firstValue("Location").orElseThrow()).endsWith("/device?success");

		HttpResponse<String> granted = poll(deviceCode);
		assertThat(granted.statusCode()).isEqualTo(200);
		Tokens tokens = Tokens.of(granted.body());
		assertThat(Jwts.claims(tokens.accessToken())).containsEntry("sub", this.user.id().toString())
			.containsEntry("client_id", CLI)
			.containsEntry("email", this.user.email());
		assertThat(tokens.refreshToken()).isNotBlank();

		// The CLI, a public client, refreshes with rotation.
		HttpResponse<String> refreshed = this.device.post("/oauth2/token", null, null,
				Map.of("grant_type", "refresh_token", "client_id", CLI, "refresh_token", tokens.refreshToken()));
		assertThat(refreshed.statusCode()).isEqualTo(200);
		assertThat(Tokens.of(refreshed.body()).refreshToken()).isNotEqualTo(tokens.refreshToken());

		// A device code is single-use.
		assertThat(poll(deviceCode).statusCode()).isEqualTo(400);
	}

	@Test
	void whenUserCodeUnknownThenDevicePageShowsAnError() {
		this.phone.signIn(this.user.email(), this.user.password());

		HttpResponse<String> verification = this.phone.postForm("/oauth2/device_verification",
				Map.of("user_code", "WXYZ-BCDF"));

		assertThat(verification.headers().firstValue("Location").orElseThrow()).endsWith("/device?error");
		assertThat(this.phone.get("/device?error").body()).contains("role=\"alert\"");
	}

	@Test
	void whenLearnerDeniesThenTheDeviceIsRefused() {
		Map<String, Object> authorization = requestDeviceAuthorization();
		this.phone.signIn(this.user.email(), this.user.password());
		String consentLocation = this.phone
			.postForm("/oauth2/device_verification", Map.of("user_code", (String) authorization.get("user_code")))
			.headers()
			.firstValue("Location")
			.orElseThrow();
		Map<String, String> query = AuthorizationCodeFlow.query(java.net.URI.create(consentLocation).getRawQuery());

		this.phone.postForm("/oauth2/device_verification", Map.of("client_id", CLI, "state", query.get("state"),
				"user_code", query.get("user_code")));

		HttpResponse<String> denied = poll((String) authorization.get("device_code"));
		assertThat(denied.statusCode()).isEqualTo(400);
		assertThat(denied.body()).containsAnyOf("access_denied", "expired_token", "invalid_grant");
	}

	@Test
	void whenUnknownClientAsksForADeviceCodeThenInvalidClient() {
		HttpResponse<String> response = this.device.post("/oauth2/device_authorization", null, null,
				Map.of("client_id", "no-such-client", "scope", "openid"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("invalid_client");
	}

	private Map<String, Object> requestDeviceAuthorization() {
		HttpResponse<String> response = this.device.post("/oauth2/device_authorization", null, null,
				Map.of("client_id", CLI, "scope", "profile email"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return AuthorizationCodeFlow.json(response.body());
	}

	private HttpResponse<String> poll(String deviceCode) {
		return this.device.post("/oauth2/token", null, null,
				Map.of("grant_type", DEVICE_CODE_GRANT, "client_id", CLI, "device_code", deviceCode));
	}

}
