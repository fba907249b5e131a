package ai.physical.textbook.launcher;

import java.nio.file.Path;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.physical.textbook.testsupport.EmbeddedPostgres;
import ai.physical.textbook.testsupport.FreePorts;
import ai.physical.textbook.testsupport.PostgresEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes accounts survive a restart of {@code ./run}: the embedded PostgreSQL keeps its data directory.
 */
class EmbeddedDatabaseTests {

	@TempDir
	Path data;

	@Test
	void whenRestartedOnTheSameDataDirectoryThenDataSurvives() throws Exception {
		Path directory = this.data.resolve("postgres");
		try (EmbeddedPostgres first = EmbeddedPostgres.start(FreePorts.next(), directory)) {
			Launcher.createDatabaseIfMissing(first.endpoint());
			Launcher.createDatabaseIfMissing(first.endpoint());
			try (var connection = connect(first.endpoint()); var statement = connection.createStatement()) {
				statement.execute("CREATE TABLE accounts (email text)");
				statement.execute("INSERT INTO accounts VALUES ('reader@example.com')");
			}
		}
		// Another port on purpose: the data does not depend on it.
		try (EmbeddedPostgres second = EmbeddedPostgres.start(FreePorts.next(), directory)) {
			try (var connection = connect(second.endpoint()); var statement = connection.createStatement();
					var rs = statement.executeQuery("SELECT email FROM accounts")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("reader@example.com");
			}
		}
	}

	private static java.sql.Connection connect(PostgresEndpoint server) throws Exception {
		String url = "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + Launcher.DATABASE;
		return DriverManager.getConnection(url, server.username(), server.password());
	}

}
