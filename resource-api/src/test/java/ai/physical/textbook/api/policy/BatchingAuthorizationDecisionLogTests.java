package ai.physical.textbook.api.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import ai.physical.textbook.testsupport.PostgresEndpoint;
import ai.physical.textbook.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision log loses nothing: decisions recorded while the database cannot take them are kept and written once
 * it can, and stopping the application writes what is still queued.
 */
class BatchingAuthorizationDecisionLogTests {

	@Test
	void whenDatabaseRejectsWritesThenDecisionsAreKeptAndWrittenLaterAndStopDrainsTheQueue() throws Exception {
		// An empty database: the authz_logs table does not exist yet, so every write fails until it is migrated.
		PostgresEndpoint postgres = TestInfrastructure.get().freshDatabase();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(),
				postgres.password());
		NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
		BatchingAuthorizationDecisionLog log = new BatchingAuthorizationDecisionLog(jdbc, 10, Duration.ofMillis(20),
				100);
		log.start();
		for (int i = 0; i < 25; i++) {
			log.record(entry("/api/catalog/chapters/" + i));
		}

		migrate(dataSource);

		assertThat(log.awaitWritten(Duration.ofSeconds(60))).isTrue();
		assertThat(count(jdbc)).isEqualTo(25);

		for (int i = 0; i < 5; i++) {
			log.record(entry("/api/catalog/projects/" + i));
		}
		log.stop();
		assertThat(count(jdbc)).isEqualTo(30);
		assertThat(log.isRunning()).isFalse();
	}

	private static AuthorizationLogEntry entry(String path) {
		UUID user = UUID.randomUUID();
		return new AuthorizationLogEntry(user, user.toString(), path, "GET", "authenticated", true, null,
				Instant.now());
	}

	private static Integer count(NamedParameterJdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT count(*) FROM personalization.authz_logs", Map.of(), Integer.class);
	}

	private static void migrate(DriverManagerDataSource dataSource) throws Exception {
		SpringLiquibase liquibase = new SpringLiquibase();
		liquibase.setDataSource(dataSource);
		liquibase.setResourceLoader(new DefaultResourceLoader());
		liquibase.setChangeLog("classpath:db/changelog/personalization/db.changelog-master.yaml");
		liquibase.setLiquibaseSchema("public");
		liquibase.setDefaultSchema("public");
		liquibase.setDatabaseChangeLogTable("personalization_databasechangelog");
		liquibase.setDatabaseChangeLogLockTable("personalization_databasechangeloglock");
		liquibase.afterPropertiesSet();
	}

}
