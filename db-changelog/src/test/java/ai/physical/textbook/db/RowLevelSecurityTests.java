package ai.physical.textbook.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.physical.textbook.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The row-level-security protocol of docs/architecture.md, exercised exactly as the apps do it: a transaction that
 * switches to the app role and sets {@code app.user_id} / {@code app.is_admin}.
 */
class RowLevelSecurityTests {

	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	private static Connection db;

	private UUID alice;

	private UUID bob;

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

	@BeforeEach
	void twoUsersWithProfilesAndPreferences() throws SQLException {
		this.alice = userWithEverything();
		this.bob = userWithEverything();
		db.setAutoCommit(false);
	}

	@AfterEach
	void endTransaction() throws SQLException {
		db.rollback();
		db.setAutoCommit(true);
	}

	@Test
	void whenActingAsAliceThenBobsRowsAreInvisible() throws SQLException {
		as("identity_app", this.alice, false);
		for (String table : new String[] { "profiles", "software_backgrounds", "hardware_backgrounds" }) {
			assertThat(Sql.count(db, "SELECT count(*) FROM identity." + table + " WHERE user_id = ?", this.bob))
				.as(table).isZero();
			assertThat(Sql.count(db, "SELECT count(*) FROM identity." + table + " WHERE user_id = ?", this.alice))
				.as(table).isEqualTo(1);
		}
		assertThat(Sql.count(db, "SELECT count(*) FROM identity.users WHERE id = ?", this.bob)).isZero();
		assertThat(Sql.count(db, "SELECT count(*) FROM identity.users WHERE id = ?", this.alice)).isEqualTo(1);
		assertThat(Sql.count(db, "SELECT count(*) FROM identity.profiles")).as("no filter at all").isEqualTo(1);
	}

	@Test
	void whenActingAsAliceThenUpdatesAndDeletesOfBobsRowsChangeNothing() throws SQLException {
		as("identity_app", this.alice, false);
		assertThat(Sql.update(db, "UPDATE identity.profiles SET profile_complete = true WHERE user_id = ?", this.bob))
			.isZero();
		assertThat(Sql.update(db, "UPDATE identity.software_backgrounds SET years_of_experience = 9 WHERE user_id = ?",
				this.bob)).isZero();
		assertThat(Sql.update(db, "UPDATE identity.hardware_backgrounds SET robotics_experience = 'professional' "
				+ "WHERE user_id = ?", this.bob)).isZero();
		assertThat(Sql.update(db, "DELETE FROM identity.hardware_backgrounds WHERE user_id = ?", this.bob)).isZero();
		assertThat(Sql.update(db, "UPDATE identity.profiles SET profile_complete = true")).as("own row only")
			.isEqualTo(1);
		asOwner();
		assertThat(Sql.strings(db, "SELECT profile_complete::text FROM identity.profiles WHERE user_id = ?", this.bob))
			.containsExactly("false");
		assertThat(Sql.strings(db, "SELECT profile_complete::text FROM identity.profiles WHERE user_id = ?",
				this.alice)).containsExactly("true");
	}

	@Test
	void whenActingAsAliceThenRowsCannotBeWrittenForBob() throws SQLException {
		as("identity_app", this.alice, false);
		assertThat(state("UPDATE identity.profiles SET user_id = ? WHERE user_id = ?", this.bob, this.alice))
			.as("moving her row to Bob").isEqualTo(INSUFFICIENT_PRIVILEGE);
		asOwner();
		UUID carol = SchemaConstraintTestsSupport.user(db);
		as("identity_app", this.alice, false);
		assertThat(state("INSERT INTO identity.profiles (user_id) VALUES (?)", carol))
			.isEqualTo(INSUFFICIENT_PRIVILEGE);
	}

	@Test
	void whenAdminThenReadsEveryoneButChangesOnlyOwnRows() throws SQLException {
		UUID admin = userWithEverything();
		as("identity_app", admin, true);
		assertThat(Sql.count(db, "SELECT count(*) FROM identity.profiles WHERE user_id IN (?, ?)", this.alice,
				this.bob)).isEqualTo(2);
		assertThat(Sql.count(db, "SELECT count(*) FROM identity.software_backgrounds WHERE user_id IN (?, ?)",
				this.alice, this.bob)).isEqualTo(2);
		assertThat(Sql.count(db, "SELECT count(*) FROM identity.users WHERE id IN (?, ?)", this.alice, this.bob))
			.isEqualTo(2);
		assertThat(Sql.update(db, "UPDATE identity.profiles SET profile_complete = true WHERE user_id = ?", this.bob))
			.isZero();
		assertThat(Sql.update(db, "DELETE FROM identity.software_backgrounds WHERE user_id = ?", this.bob)).isZero();
		assertThat(Sql.update(db, "UPDATE identity.profiles SET profile_complete = true WHERE user_id = ?", admin))
			.isEqualTo(1);
	}

	@Test
	void whenNoUserContextThenNothingVisible() throws SQLException {
		execute("SET LOCAL ROLE identity_app");
		assertThat(Sql.count(db, "SELECT count(*) FROM identity.profiles")).isZero();
		assertThat(Sql.count(db, "SELECT count(*) FROM identity.users")).isZero();
	}

	@Test
	void whenContextWasSetByAnEarlierTransactionThenItIsGoneAndNothingIsVisible() throws SQLException {
		as("identity_app", this.alice, true);
		db.commit();
		// Same connection, new transaction: the settings now read as '' and must match nothing rather than fail.
		execute("SET LOCAL ROLE identity_app");
		assertThat(Sql.count(db, "SELECT count(*) FROM identity.profiles")).isZero();
	}

	@Test
	void whenAppRoleThenPasswordHashesAndTokensAreOutOfReach() throws SQLException {
		as("identity_app", this.alice, true);
		assertThat(state("SELECT password_hash FROM identity.users WHERE id = ?", this.alice))
			.isEqualTo(INSUFFICIENT_PRIVILEGE);
		assertThat(state("UPDATE identity.users SET name = 'x' WHERE id = ?", this.alice))
			.isEqualTo(INSUFFICIENT_PRIVILEGE);
		assertThat(state("SELECT count(*) FROM identity.revoked_tokens")).isEqualTo(INSUFFICIENT_PRIVILEGE);
		assertThat(state("SELECT count(*) FROM identity.oauth2_registered_client")).isEqualTo(INSUFFICIENT_PRIVILEGE);
		assertThat(state("INSERT INTO identity.audit_logs (user_id, operation, table_name) VALUES (?, 'UPDATE', "
				+ "'profiles')", this.alice)).as("audit rows may be appended").isNull();
		assertThat(state("SELECT count(*) FROM identity.audit_logs")).isEqualTo(INSUFFICIENT_PRIVILEGE);
	}

	@Test
	void whenPersonalizationAppActsAsAliceThenOnlyHerPreferences() throws SQLException {
		as("personalization_app", this.alice, false);
		assertThat(Sql.count(db, "SELECT count(*) FROM personalization.user_preferences WHERE user_id = ?", this.bob))
			.isZero();
		assertThat(Sql.update(db, "UPDATE personalization.user_preferences SET difficulty_setting = 'expert' "
				+ "WHERE user_id = ?", this.bob)).isZero();
		assertThat(Sql.update(db, "UPDATE personalization.user_preferences SET difficulty_setting = 'expert' "
				+ "WHERE user_id = ?", this.alice)).isEqualTo(1);
		assertThat(state("INSERT INTO personalization.user_preferences (user_id, difficulty_setting) VALUES (?, "
				+ "'beginner')", UUID.randomUUID())).isEqualTo(INSUFFICIENT_PRIVILEGE);
		assertThat(state("SELECT count(*) FROM identity.profiles")).as("no access to the other schema")
			.isEqualTo(INSUFFICIENT_PRIVILEGE);
		asOwner();
		as("personalization_app", UUID.randomUUID(), true);
		assertThat(Sql.count(db, "SELECT count(*) FROM personalization.user_preferences WHERE user_id IN (?, ?)",
				this.alice, this.bob)).isEqualTo(2);
		assertThat(Sql.update(db, "DELETE FROM personalization.user_preferences WHERE user_id = ?", this.bob)).isZero();
	}

	@Test
	void whenDenylistReaderThenOnlyRevokedTokensReadable() throws SQLException {
		execute("SET LOCAL ROLE textbook_denylist_reader");
		assertThat(state("SELECT count(*) FROM identity.revoked_tokens")).isNull();
		assertThat(state("SELECT count(*) FROM identity.users")).isEqualTo(INSUFFICIENT_PRIVILEGE);
		assertThat(state("SELECT count(*) FROM identity.profiles")).isEqualTo(INSUFFICIENT_PRIVILEGE);
		assertThat(state("INSERT INTO identity.revoked_tokens (token_id, reason, expires_at) VALUES ('x', 'r', now())"))
			.isEqualTo(INSUFFICIENT_PRIVILEGE);
		assertThat(state("SELECT count(*) FROM personalization.user_preferences")).isEqualTo(INSUFFICIENT_PRIVILEGE);
	}

	@Test
	void whenRoleNameIsUnknownThenSwitchFails() {
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> execute("SET LOCAL ROLE no_such_role"));
	}

	/** The protocol of docs/architecture.md, verbatim. */
	private static void as(String role, UUID user, boolean admin) throws SQLException {
		execute("SET LOCAL ROLE " + role);
		try (PreparedStatement statement = db
			.prepareStatement("SELECT set_config('app.user_id', ?, true), set_config('app.is_admin', ?, true)")) {
			statement.setString(1, user.toString());
			statement.setString(2, Boolean.toString(admin));
			statement.executeQuery().close();
		}
	}

	private static void asOwner() throws SQLException {
		execute("RESET ROLE");
	}

	private static void execute(String sql) throws SQLException {
		try (var statement = db.createStatement()) {
			statement.execute(sql);
		}
	}

	/** Runs the statement inside a savepoint and returns the SQLState it failed with, or null. */
	private static String state(String sql, Object... parameters) throws SQLException {
		var savepoint = db.setSavepoint();
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			statement.execute();
			db.releaseSavepoint(savepoint);
			return null;
		}
		catch (SQLException ex) {
			db.rollback(savepoint);
			return ex.getSQLState();
		}
	}

	/** A committed user with profile, both backgrounds and preferences, created as the owner. */
	private static UUID userWithEverything() throws SQLException {
		boolean autoCommit = db.getAutoCommit();
		db.setAutoCommit(true);
		try {
			UUID user = SchemaConstraintTestsSupport.user(db);
			UUID profile = Sql.insertReturningId(db, "INSERT INTO identity.profiles (user_id) VALUES (?)", user);
			Sql.update(db, "INSERT INTO identity.software_backgrounds (profile_id, user_id, experience_level) "
					+ "VALUES (?, ?, 'beginner')", profile, user);
			Sql.update(db, "INSERT INTO identity.hardware_backgrounds (profile_id, user_id, robotics_experience) "
					+ "VALUES (?, ?, 'none')", profile, user);
			Sql.update(db, "INSERT INTO personalization.user_preferences (user_id, difficulty_setting) "
					+ "VALUES (?, 'beginner')", user);
			return user;
		}
		finally {
			db.setAutoCommit(autoCommit);
		}
	}

}
