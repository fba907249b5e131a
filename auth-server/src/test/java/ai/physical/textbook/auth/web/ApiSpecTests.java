package ai.physical.textbook.auth.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import ai.physical.textbook.auth.support.AuthServerIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed description of the auth-server's JSON API is exactly what the code generates. After changing an
 * endpoint, regenerate it (and the combined {@code docs/api-spec.yaml}) with
 * {@code ./mvnw -pl auth-server,resource-api -am verify -Dtest='ApiSpecTests,OpenApiSpecTests' -Dsurefire.failIfNoSpecifiedTests=false -Dapi-spec.write=true}.
 */
@AuthServerIntegrationTest
class ApiSpecTests {

	static final Path SPEC = Path.of("..", "docs", "api-spec-auth-server.yaml");

	@LocalServerPort
	int port;

	@Test
	void whenGeneratedThenCommittedDescriptionIsUpToDateAndDescribesThePolicies() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v3/api-docs.yaml")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		String generated = response.body();
		assertThat(generated).contains("/api/profile/{userId}:", "getProfile", "updateProfile", "bearerAuth",
				"AUTH_TOKEN_INVALID", "AUTH_INSUFFICIENT_PERMISSIONS", "VALIDATION_FAILED", "self_profile");
		assertThat(generated).doesNotContain("/signin", "/oauth2/");
		if (Boolean.getBoolean("api-spec.write")) {
			Files.writeString(SPEC, generated, StandardCharsets.UTF_8);
		}
		assertThat(Files.readString(SPEC, StandardCharsets.UTF_8))
			.as("docs/api-spec-auth-server.yaml is out of date: rerun this test with -Dapi-spec.write=true")
			.isEqualTo(generated);
	}

}
