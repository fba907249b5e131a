package ai.physical.textbook.api;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import ai.physical.textbook.api.testing.ResourceApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceApiApplicationTests extends ResourceApiIntegrationTest {

	@Test
	void whenStartedThenHealthIsUpAndApiNeedsAToken() {
		HttpResponse<String> health = get("/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");

		HttpResponse<String> api = get("/api/anything", null);
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(body(api).path("code").asString()).isEqualTo("AUTH_TOKEN_INVALID");
		assertThat(api.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer")
			.doesNotContain("error=");
	}

	@Test
	void whenValidTokenForUnknownPathThenNotFoundProblem() {
		HttpResponse<String> response = get("/api/anything", issuer.sign(issuer.userClaims(newUser()).build()));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
		assertThat(body(response).path("code").asString()).as(response.body()).isEqualTo("NOT_FOUND");
	}

	@Test
	void whenDemoPageRequestedThenServedWithoutToken() {
		HttpResponse<String> page = get("/", null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"signin-button\"");
		assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
			.contains("connect-src 'self' " + issuer.issuer());

		HttpResponse<String> config = get("/demo-config.json", null);
		assertThat(body(config).path("issuer").asString()).isEqualTo(issuer.issuer());
		assertThat(body(config).path("clientId").asString()).isEqualTo("textbook-web");
	}

}
