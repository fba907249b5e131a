package ai.physical.textbook.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import ai.physical.textbook.auth.testing.AuthServerTest;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServerTest
class AuthServerApplicationTests {

	@LocalServerPort
	int port;

	@Test
	void whenStartedThenHealthIsUpAndDiscoveryIsPublished() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<String> health = client.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");

		HttpResponse<String> discovery = client.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/.well-known/openid-configuration"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(discovery.statusCode()).isEqualTo(200);
		assertThat(discovery.body()).contains("\"jwks_uri\"");
	}

}
