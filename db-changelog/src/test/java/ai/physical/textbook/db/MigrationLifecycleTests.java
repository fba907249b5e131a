package ai.physical.textbook.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.physical.textbook.db.Migrations.Service;
import ai.physical.textbook.testsupport.EmbeddedPostgres;
import ai.physical.textbook.testsupport.FreePorts;
import ai.physical.textbook.testsupport.PostgresEndpoint;
import ai.physical.textbook.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both changelogs apply to an empty database, roll back completely (every changeset has a working rollback) and
 * apply again; and they apply where the login user is not a superuser, as on Neon.
 */
class MigrationLifecycleTests {

	@Test
	void whenAppliedRolledBackAndAppliedAgainThenSchemaIsCompleteEachTime() throws SQLException {
		PostgresEndpoint database = TestInfrastructure.get().freshDatabase();

		Migrations.updateAll(database);
		assertComplete(database);

		Migrations.rollbackAll(database, Service.PERSONALIZATION);
		Migrations.rollbackAll(database, Service.IDENTITY);
		try (Connection db = Migrations.connect(database)) {
			assertThat(Sql.strings(db, "SELECT nspname FROM pg_namespace WHERE nspname IN ('identity', "
					+ "'personalization')")).as("schemas removed").isEmpty();
			assertThat(Sql.count(db, "SELECT count(*) FROM public.identity_databasechangelog")).isZero();
			assertThat(Sql.count(db, "SELECT count(*) FROM public.personalization_databasechangelog")).isZero();
			assertThat(Sql.count(db, "SELECT count(*) FROM pg_policies")).isZero();
		}

		Migrations.updateAll(database);
		assertComplete(database);
	}

	@Test
	void whenAppliedTwiceThenSecondRunChangesNothing() throws SQLException {
		PostgresEndpoint database = TestInfrastructure.get().freshDatabase();
		Migrations.updateAll(database);
		Migrations.updateAll(database);
		try (Connection db = Migrations.connect(database)) {
			assertThat(Sql.count(db, "SELECT count(*) FROM public.identity_databasechangelog")).isEqualTo(
					Sql.count(db, "SELECT count(DISTINCT id) FROM public.identity_databasechangelog"));
		}
		assertComplete(database);
	}

	@Test
	void whenLoginUserIsNotSuperuserThenMigrationsAndRowLevelSecurityStillWork() throws SQLException {
		// A server of its own: the app roles must not exist yet, as on a new Neon project.
		try (EmbeddedPostgres server = EmbeddedPostgres.start(FreePorts.next(), null)) {
			PostgresEndpoint admin = server.endpoint();
			try (Connection db = Migrations.connect(admin); var statement = db.createStatement()) {
				statement.execute("CREATE ROLE app_owner LOGIN PASSWORD 'owner-pw' CREATEROLE NOSUPERUSER");
				statement.execute("CREATE DATABASE appdb OWNER app_owner");
			}
			PostgresEndpoint owner = new PostgresEndpoint(admin.host(), admin.port(), "appdb", "app_owner", "owner-pw");
			Migrations.updateAll(owner);
			assertComplete(owner);
			try (Connection db = Migrations.connect(owner)) {
				assertThat(Sql.strings(db, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
					.containsExactly("false");
				db.setAutoCommit(false);
				try (var statement = db.createStatement()) {
					statement.execute("SET LOCAL ROLE identity_app");
					statement.execute("SET LOCAL ROLE personalization_app");
					statement.execute("SET LOCAL ROLE textbook_denylist_reader");
				}
				db.rollback();
			}
			Migrations.rollbackAll(owner, Service.PERSONALIZATION);
			Migrations.rollbackAll(owner, Service.IDENTITY);
			try (Connection db = Migrations.connect(admin)) {
				assertThat(Sql.strings(db, "SELECT rolname FROM pg_roles WHERE rolname IN ('identity_app', "
						+ "'personalization_app', 'textbook_denylist_reader')")).as("roles dropped by the rollback")
					.isEmpty();
			}
		}
	}

	private static void assertComplete(PostgresEndpoint database) throws SQLException {
		try (Connection db = Migrations.connect(database)) {
			assertThat(Sql.strings(db, "SELECT table_schema || '.' || table_name FROM information_schema.tables "
					+ "WHERE table_schema IN ('identity', 'personalization') ORDER BY 1"))
				.containsAll(List.of("identity.users", "identity.profiles", "identity.software_backgrounds",
						"identity.hardware_backgrounds", "identity.revoked_tokens", "identity.auth_logs",
						"identity.authz_logs", "identity.audit_logs", "identity.oauth2_registered_client",
						"personalization.user_preferences"));
			assertThat(Sql.strings(db, "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n "
					+ "ON n.oid = c.relnamespace WHERE c.relrowsecurity ORDER BY 1"))
				.contains("identity.hardware_backgrounds", "identity.profiles", "identity.software_backgrounds",
						"personalization.user_preferences");
			assertThat(Sql.strings(db, "SELECT rolname FROM pg_roles WHERE rolname IN ('identity_app', "
					+ "'personalization_app', 'textbook_denylist_reader') AND NOT rolcanlogin ORDER BY 1"))
				.containsExactly("identity_app", "personalization_app", "textbook_denylist_reader");
		}
	}

}
