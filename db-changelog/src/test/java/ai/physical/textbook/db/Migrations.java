package ai.physical.textbook.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

import ai.physical.textbook.testsupport.PostgresEndpoint;

/**
 * Runs the two changelogs the way the apps do (tracking tables in {@code public}, one pair per service).
 */
final class Migrations {

	enum Service {

		IDENTITY("identity"), PERSONALIZATION("personalization");

		private final String name;

		Service(String name) {
			this.name = name;
		}

		String changelog() {
			return "db/changelog/" + this.name + "/db.changelog-master.yaml";
		}

		String trackingTable() {
			return this.name + "_databasechangelog";
		}

	}

	private Migrations() {
	}

	static void updateAll(PostgresEndpoint database) {
		update(database, Service.IDENTITY);
		update(database, Service.PERSONALIZATION);
	}

	static void update(PostgresEndpoint database, Service service) {
		run(database, service, (liquibase) -> liquibase.update((String) null));
	}

	/** Rolls back every changeset of the service, newest first. */
	static void rollbackAll(PostgresEndpoint database, Service service) {
		run(database, service, (liquibase) -> liquibase.rollback(Integer.MAX_VALUE, (String) null));
	}

	static Connection connect(PostgresEndpoint database) throws SQLException {
		return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
	}

	private static void run(PostgresEndpoint endpoint, Service service, LiquibaseWork work) {
		try (Connection connection = connect(endpoint)) {
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			database.setDatabaseChangeLogTableName(service.trackingTable());
			database.setDatabaseChangeLogLockTableName(service.trackingTable() + "lock");
			database.setLiquibaseSchemaName("public");
			database.setDefaultSchemaName("public");
			try (Liquibase liquibase = new Liquibase(service.changelog(), new ClassLoaderResourceAccessor(), database)) {
				work.run(liquibase);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Liquibase failed for " + service + " on " + endpoint.database(), ex);
		}
	}

	@FunctionalInterface
	private interface LiquibaseWork {

		void run(Liquibase liquibase) throws LiquibaseException;

	}

}
