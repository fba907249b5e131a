package ai.physical.textbook.common.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import ai.physical.textbook.common.CommonIntegrationTest;
import ai.physical.textbook.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, with real failures: Redis stopped and a PostgreSQL address where nothing listens answer 503 with
 * {@code Retry-After} (problem details for API clients, a short page for browsers); a bug still answers 500.
 */
@CommonIntegrationTest
class DependencyUnavailableFilterTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void whenRedisIsDownThenApiClientsGet503ProblemDetailsAndBrowsersATemporarilyUnavailablePage() throws Exception {
		assertThat(get("/probe/redis", "application/json").statusCode()).as("control: Redis up").isEqualTo(200);
		TestInfrastructure infrastructure = TestInfrastructure.get();
		infrastructure.stopRedis();
		try {
			HttpResponse<String> api = get("/probe/redis", "application/json");
			assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
			assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
			assertThat(api.body()).contains("\"status\":503", "\"code\":\"SERVICE_UNAVAILABLE\"",
					"\"title\":\"Service Unavailable\"", "\"instance\":\"/probe/redis\"", "temporarily unavailable")
				.doesNotContain("Exception", "lettuce", "at org.");

			HttpResponse<String> page = get("/probe/redis", "text/html,application/xhtml+xml,*/*;q=0.8");
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
			assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
				.contains("default-src 'none'", "frame-ancestors 'none'");
			assertThat(page.body()).contains("Temporarily unavailable", "try again in a few seconds")
				.doesNotContain("Exception", "lettuce", "<script");
		}
		finally {
			infrastructure.startRedis();
		}
		awaitRedis();
	}

	@Test
	void whenDatabaseIsUnreachableThen503() throws Exception {
		HttpResponse<String> response = get("/probe/database", "application/json");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(response.body()).contains("\"code\":\"SERVICE_UNAVAILABLE\"").doesNotContain("PSQLException");
	}

	@Test
	void whenTheFailureIsABugThenItIsStillA500() throws Exception {
		HttpResponse<String> response = get("/probe/bug", "application/json");

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Retry-After")).isEmpty();
		assertThat(response.body()).doesNotContain("SERVICE_UNAVAILABLE");
	}

	/** The client reconnects in the background; wait so the other tests of this JVM see Redis again. */
	private void awaitRedis() throws Exception {
		for (int attempt = 0; attempt < 100; attempt++) {
			if (get("/probe/redis", "application/json").statusCode() == 200) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("Redis not reachable again");
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
