package ai.physical.textbook.db;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.physical.textbook.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes the hot queries and the cascades need (docs/benchmarks.md, "Indexes and query plans"), checked on the
 * migrated schema.
 */
class IndexTests {

	private static Connection db;

	@BeforeAll
	static void migrate() throws SQLException {
		var database = TestInfrastructure.get().freshDatabase();
		Migrations.updateAll(database);
		db = Migrations.connect(database);
	}

	@AfterAll
	static void close() throws SQLException {
		db.close();
	}

	@Test
	void whenSchemaMigratedThenEveryForeignKeyHasAnIndexLeadingWithItsColumns() throws SQLException {
		// Without one, deleting (or updating the key of) a referenced row scans the whole referencing table, once per
		// row, for the ON DELETE CASCADE / SET NULL or the "still referenced" check.
		assertThat(Sql.strings(db, """
				SELECT c.conrelid::regclass::text || ' ' || c.conname
				FROM pg_constraint c
				JOIN pg_namespace n ON n.oid = c.connamespace
				WHERE c.contype = 'f' AND n.nspname IN ('identity', 'personalization')
				  AND NOT EXISTS (
				      SELECT 1 FROM pg_index i
				      WHERE i.indrelid = c.conrelid
				        AND (string_to_array(i.indkey::text, ' '))[1:cardinality(c.conkey)] = c.conkey::text[])
				ORDER BY 1
				""")).as("foreign keys without a supporting index").isEmpty();
		assertThat(Sql.count(db, """
				SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
				WHERE c.contype = 'f' AND n.nspname = 'identity'
				""")).as("the check above looked at the foreign keys").isGreaterThanOrEqualTo(6);
	}

	@Test
	void whenAccountDeletedThenCascadesFindTheBackgroundsByIndex() throws SQLException {
		assertThat(Sql.strings(db, """
				SELECT indexrelid::regclass::text FROM pg_index
				WHERE indrelid IN ('identity.software_backgrounds'::regclass, 'identity.hardware_backgrounds'::regclass)
				ORDER BY 1
				""")).contains("identity.software_backgrounds_user_id_idx", "identity.hardware_backgrounds_user_id_idx");
	}

	@Test
	void whenConnectedAppsListedThenConsentsAreFoundByPrincipalIndex() throws SQLException {
		db.setAutoCommit(false);
		try (var statement = db.createStatement()) {
			// The catalog of a fresh database is tiny, where a sequential scan is always cheapest: forbid it to see
			// which index the planner can use.
			statement.execute("SET LOCAL enable_seqscan = off");
			String plan = String.join("\n", Sql.strings(db, """
					EXPLAIN SELECT registered_client_id, authorities
					FROM identity.oauth2_authorization_consent WHERE principal_name = ?
					""", "3f0b8c52-8d6e-4c1e-9a51-0c2f5e7d9a10"));
			assertThat(plan).contains("oauth2_authorization_consent_principal_idx");
		}
		finally {
			db.rollback();
			db.setAutoCommit(true);
		}
	}

	@Test
	void whenAFamilyHasManySupersededTokensThenItsCurrentTokensAreReadThroughThePartialIndex() throws SQLException {
		db.setAutoCommit(false);
		try (var statement = db.createStatement()) {
			statement.execute("""
					INSERT INTO identity.oauth2_authorization
					    (id, registered_client_id, principal_name, authorization_grant_type, expires_at)
					VALUES ('family-1', 'client-1', 'reader-1', 'refresh_token', now() + interval '7 days')
					""");
			statement.execute("""
					INSERT INTO identity.oauth2_authorization_token
					    (token_hash, authorization_id, token_type, expires_at, superseded_at)
					SELECT 'old-' || n, 'family-1', 'refresh_token', now() + interval '7 days', now()
					FROM generate_series(1, 2000) AS n
					UNION ALL
					SELECT 'current-' || n, 'family-1', 'access_token', now() + interval '15 minutes', NULL
					FROM generate_series(1, 2) AS n
					""");
			statement.execute("ANALYZE identity.oauth2_authorization_token");
			String plan = String.join("\n", Sql.strings(db, """
					EXPLAIN SELECT token_hash FROM identity.oauth2_authorization_token
					WHERE authorization_id = ? AND superseded_at IS NULL
					""", "family-1"));
			assertThat(plan).contains("oauth2_authorization_token_current_idx");
		}
		finally {
			db.rollback();
			db.setAutoCommit(true);
		}
	}

}
