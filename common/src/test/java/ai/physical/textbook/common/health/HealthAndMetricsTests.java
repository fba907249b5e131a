package ai.physical.textbook.common.health;

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
 * Readiness follows PostgreSQL (and its pool) and Redis; liveness does not, so an outage takes an instance out of the
 * load balancer without a restart loop.
 */
@CommonIntegrationTest
class HealthAndMetricsTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void whenEverythingRunsThenReadinessShowsDatabasePoolAndRedis() throws Exception {
		awaitReady();
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"db\"", "\"dbPool\"", "\"redis\"", "\"readinessState\"")
			.contains("\"maximumPoolSize\"", "\"threadsAwaitingConnection\"", "\"state\":\"running\"");

		HttpResponse<String> liveness = get("/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"livenessState\"").doesNotContain("\"db\"", "\"redis\"");
	}

	@Test
	void whenRedisIsDownThenNotReadyButStillLive() throws Exception {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		infrastructure.stopRedis();
		try {
			HttpResponse<String> readiness = get("/actuator/health/readiness");
			assertThat(readiness.statusCode()).isEqualTo(503);
			assertThat(readiness.body()).contains("\"status\":\"DOWN\"");

			HttpResponse<String> liveness = get("/actuator/health/liveness");
			assertThat(liveness.statusCode()).isEqualTo(200);
		}
		finally {
			infrastructure.startRedis();
			awaitReady();
		}
	}

	/** Waits until the client has reconnected, so the other tests see a healthy Redis again. */
	private void awaitReady() throws Exception {
		for (int attempt = 0; attempt < 100; attempt++) {
			if (get("/actuator/health/readiness").statusCode() == 200) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("Not ready again after Redis came back");
	}

	@Test
	void prometheusExposesPoolMetrics() throws Exception {
		get("/actuator/health/readiness");
		HttpResponse<String> metrics = get("/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("hikaricp_connections_max").contains("jvm_memory_used_bytes");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
