package ai.physical.textbook.auth.token;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import ai.physical.textbook.auth.support.AuthServerIntegrationTest;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow.Pkce;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow.Tokens;
import ai.physical.textbook.auth.support.ProtocolClient;
import ai.physical.textbook.auth.support.TestSecrets;
import ai.physical.textbook.auth.support.TestUsers;
import ai.physical.textbook.auth.support.TestUsers.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dump of the database must not let anyone call the token endpoint: after code, refresh, device and
 * client_credentials flows, no text column of the identity schema contains any issued code, token, user code, state
 * or secret.
 */
@AuthServerIntegrationTest
class NoRawSecretsAtRestTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void whenFlowsHaveRunThenNoColumnOfTheIdentitySchemaHoldsAnIssuedValue() {
		Map<String, String> issued = new LinkedHashMap<>();
		String base = "http://localhost:" + this.port;
		ProtocolClient client = new ProtocolClient(base);
		TestUser user = new TestUsers(this.jdbc, this.passwordEncoder).create();
		AuthorizationCodeFlow browser = new AuthorizationCodeFlow(base);
		browser.signIn(user.email(), user.password());
		issued.put("password", user.password());

		// Authorization code + PKCE, then a refresh (rotation), then reuse of the old refresh token.
		Pkce pkce = browser.pkce();
		String code = AuthorizationCodeFlow.code(browser.authorize("textbook-web", "http://localhost:8081/",
				"openid profile email", pkce, Map.of()));
		issued.put("code", code);
		Tokens tokens = Tokens.of(browser.exchange("textbook-web", "http://localhost:8081/", code, pkce.verifier()).body());
		putToken(issued, "access", tokens.accessToken());
		putToken(issued, "id", tokens.idToken());
		issued.put("refresh", tokens.refreshToken());
		Tokens rotated = Tokens.of(browser.refresh("textbook-web", tokens.refreshToken()).body());
		putToken(issued, "access2", rotated.accessToken());
		issued.put("refresh2", rotated.refreshToken());

		// Device flow, up to and including the consent state.
		Map<String, Object> device = AuthorizationCodeFlow.json(client.post("/oauth2/device_authorization", null,
				null, Map.of("client_id", "textbook-cli", "scope", "profile")).body());
		issued.put("device_code", (String) device.get("device_code"));
		issued.put("user_code", (String) device.get("user_code"));
		String consent = browser.postForm("/oauth2/device_verification",
				Map.of("user_code", (String) device.get("user_code"))).headers().firstValue("Location").orElseThrow();
		issued.put("state", AuthorizationCodeFlow.query(URI.create(consent).getRawQuery()).get("state"));
		browser.approveConsent(consent);
		HttpResponse<String> deviceTokens = client.post("/oauth2/token", null, null,
				Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code", "client_id", "textbook-cli",
						"device_code", (String) device.get("device_code")));
		assertThat(deviceTokens.statusCode()).isEqualTo(200);
		issued.put("device_refresh", Tokens.of(deviceTokens.body()).refreshToken());
		putToken(issued, "device_access", Tokens.of(deviceTokens.body()).accessToken());

		// Client credentials, and the secrets themselves.
		putToken(issued, "service_access", (String) AuthorizationCodeFlow.json(client
			.clientCredentials(TestSecrets.SERVICE_CLIENT, TestSecrets.SERVICE_CLIENT_SECRET, "textbook.api")
			.body()).get("access_token"));
		issued.put("service_secret", TestSecrets.SERVICE_CLIENT_SECRET);
		issued.put("resource_api_secret", TestSecrets.RESOURCE_API_CLIENT_SECRET);
		issued.put("kek", TestSecrets.KEK);

		assertThat(issued.values()).doesNotContainNull().allMatch((value) -> value.length() >= 8);
		// The values really were issued: the hashes are there.
		assertThat(countRows("identity.oauth2_authorization_token", "token_hash", TokenHashes.hash(code))).isOne();

		List<String> found = new ArrayList<>();
		List<Map<String, Object>> columns = this.jdbc.sql("""
				SELECT table_name, column_name FROM information_schema.columns
				WHERE table_schema = 'identity'
				  AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
				""").query().listOfRows();
		assertThat(columns).hasSizeGreaterThan(20);
		for (Map<String, Object> column : columns) {
			String table = "identity." + column.get("table_name");
			String name = (String) column.get("column_name");
			issued.forEach((label, value) -> {
				if (countContaining(table, name, value) > 0) {
					found.add(label + " in " + table + "." + name);
				}
			});
		}
		assertThat(found).isEmpty();
	}

	/** A JWT and, separately, its signature: neither may be stored. */
	private static void putToken(Map<String, String> issued, String label, String jwt) {
		issued.put(label, jwt);
		issued.put(label + "_signature", jwt.substring(jwt.lastIndexOf('.') + 1));
	}

	private int countRows(String table, String column, String value) {
		// Table and column names come from information_schema or constants, never from input.
		return this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = :value")
			.param("value", value)
			.query(Integer.class)
			.single();
	}

	private int countContaining(String table, String column, String value) {
		return this.jdbc
			.sql("SELECT count(*) FROM " + table + " WHERE strpos(CAST(\"" + column + "\" AS text), :value) > 0")
			.param("value", value)
			.query(Integer.class)
			.single();
	}

}
