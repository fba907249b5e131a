package ai.physical.textbook.systemtests.infra;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.physical.textbook.systemtests.support.AppProcess;
import ai.physical.textbook.systemtests.support.Http;
import ai.physical.textbook.systemtests.support.SystemStack;

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
	void whenBothAppsStartedThenTheyAnswerHealthAndTheResourceApiRejectsAnonymousCalls() {
		AppProcess auth = this.stack.authServer();
		AppProcess api = this.stack.resourceApi();

		HttpResponse<String> health = Http.api(auth.baseUrl()).get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		HttpResponse<String> anonymous = Http.api(api.baseUrl()).get("/api/personalization/context");
		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

}
