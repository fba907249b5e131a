package ai.physical.textbook.auth.token;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import ai.physical.textbook.auth.support.AuthServerIntegrationTest;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow;
import ai.physical.textbook.auth.support.Jwts;
import ai.physical.textbook.auth.support.ProtocolClient;
import ai.physical.textbook.auth.support.TestSecrets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client_credentials grant of the confidential service client.
 */
@AuthServerIntegrationTest
class ClientCredentialsTests {

	@LocalServerPort
	int port;

	ProtocolClient client;

	@BeforeEach
	void client() {
		this.client = new ProtocolClient("http://localhost:" + this.port);
	}

	@Test
	@SuppressWarnings("unchecked")
	void whenServiceClientAuthenticatesThenItGetsAnAccessTokenForItself() throws Exception {
		HttpResponse<String> response = this.client.clientCredentials(TestSecrets.SERVICE_CLIENT,
				TestSecrets.SERVICE_CLIENT_SECRET, "textbook.api");

		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> body = AuthorizationCodeFlow.json(response.body());
		assertThat(body).containsKey("access_token").doesNotContainKey("refresh_token");
		SignedJWT jwt = Jwts.parse((String) body.get("access_token"));
		assertThat(jwt.getHeader().getType().toString()).isEqualTo("at+jwt");
		Map<String, Object> claims = jwt.getJWTClaimsSet().toJSONObject();
		assertThat(claims).containsEntry("sub", TestSecrets.SERVICE_CLIENT)
			.containsEntry("client_id", TestSecrets.SERVICE_CLIENT)
			.doesNotContainKeys("email", "softwareBackground", "roles");
		assertThat((List<Object>) claims.get("aud")).contains("textbook-api");
		assertThat((List<Object>) claims.get("scope")).containsExactly("textbook.api");
	}

	@Test
	void whenSecretWrongThenInvalidClient() {
		HttpResponse<String> response = this.client.clientCredentials(TestSecrets.SERVICE_CLIENT,
				TestSecrets.RESOURCE_API_CLIENT_SECRET, "textbook.api");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("invalid_client").doesNotContain("access_token");
	}

	@Test
	void whenScopeNotRegisteredThenInvalidScope() {
		HttpResponse<String> response = this.client.clientCredentials(TestSecrets.SERVICE_CLIENT,
				TestSecrets.SERVICE_CLIENT_SECRET, "admin");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("invalid_scope");
	}

	@Test
	void whenPublicClientAsksForClientCredentialsThenRejected() {
		HttpResponse<String> response = this.client.post("/oauth2/token", null, null,
				Map.of("grant_type", "client_credentials", "client_id", "textbook-web"));
		assertThat(response.statusCode()).isIn(400, 401);
		assertThat(response.body()).doesNotContain("access_token");
	}

}
