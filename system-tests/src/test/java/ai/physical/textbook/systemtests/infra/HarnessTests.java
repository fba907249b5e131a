package ai.physical.textbook.systemtests.infra;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import ai.physical.textbook.systemtests.support.AppProcess;
import ai.physical.textbook.systemtests.support.Http;
import ai.physical.textbook.systemtests.support.Nginx;
import ai.physical.textbook.systemtests.support.SystemStack;
import ai.physical.textbook.testsupport.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HarnessTests {

	private final SystemStack stack = SystemStack.get();

	@Test
	void whenPostgresRestartedThenSamePortAndCommittedRowsSurvive() throws SQLException {
		String marker = UUID.randomUUID().toString();
		try (Connection connection = this.stack.database().connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS public.harness_marker (value text PRIMARY KEY)");
			statement.execute("INSERT INTO public.harness_marker VALUES ('" + marker + "')");
		}
		int port = this.stack.postgresEndpoint().port();

		this.stack.stopPostgres();
		assertThatThrownBy(() -> this.stack.database().connect().close()).isInstanceOf(SQLException.class);
		this.stack.startPostgres();

		assertThat(this.stack.postgresEndpoint().port()).isEqualTo(port);
		assertThat(this.stack.database().queryForLong("SELECT count(*) FROM public.harness_marker WHERE value = ?", marker))
			.isEqualTo(1);
	}

	@Test
	void whenOneOfTwoInstancesBehindNginxIsKilledThenTheBalancerKeepsAnswering() {
		Assumptions.assumeTrue(Nginx.binary() != null,
				"nginx is not installed and could not be: install Debian's nginx-light (.ci/run does)");
		int balancerPort = Nginx.reservePort();
		String issuer = "http://127.0.0.1:" + balancerPort;
		try (AppProcess first = this.stack.startAuthServer("lb-a", FreePorts.next(), issuer, Map.of(), Map.of());
				AppProcess second = this.stack.startAuthServer("lb-b", FreePorts.next(), issuer, Map.of(), Map.of())) {
			first.awaitReady(SystemStack.STARTUP);
			second.awaitReady(SystemStack.STARTUP);
			try (Nginx nginx = Nginx.start(balancerPort, List.of(first.port(), second.port()),
					this.stack.workDirectory().resolve("nginx-harness"))) {
				Http balancer = Http.api(nginx.baseUrl());
				HttpResponse<String> discovery = balancer.get("/.well-known/openid-configuration");
				assertThat(discovery.statusCode()).isEqualTo(200);
				assertThat(discovery.body()).contains("\"issuer\":\"" + issuer + "\"");

				first.kill();

				for (int i = 0; i < 10; i++) {
					assertThat(balancer.get("/oauth2/jwks").statusCode()).as(nginx.log()).isEqualTo(200);
				}
			}
		}
	}

	@Test
	void whenBothAppsStartedThenTheyAnswerHealthAndTheResourceApiRejectsAnonymousCalls() {
		AppProcess auth = this.stack.authServer();
		AppProcess api = this.stack.resourceApi();

		HttpResponse<String> health = Http.api(auth.baseUrl()).get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		HttpResponse<String> anonymous = Http.api(api.baseUrl()).get("/api/personalization/context");
		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

}
