package ai.physical.textbook.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.physical.textbook.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every constraint of the seed's schema rejects what it should, on a real PostgreSQL migrated by both changelogs.
 */
class SchemaConstraintTests {

	private static final String UNIQUE = "23505";

	private static final String CHECK = "23514";

	private static final String FOREIGN_KEY = "23503";

	private static final String NOT_NULL = "23502";

	private static final String BAD_TEXT = "22P02";

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
	void whenEmailTakenThenRejectedAlsoInAnotherCase() throws SQLException {
		String email = randomEmail();
		user(email);
		assertThat(failure("INSERT INTO identity.users (email, password_hash) VALUES (?, 'h')", email))
			.isEqualTo(UNIQUE);
		// Emails are stored normalized; a differently cased copy cannot be stored at all, so it cannot slip past UNIQUE.
		assertThat(failure("INSERT INTO identity.users (email, password_hash) VALUES (?, 'h')", email.toUpperCase()))
			.isEqualTo(CHECK);
		assertThat(failure("INSERT INTO identity.users (email, password_hash) VALUES (?, 'h')", " " + email))
			.isEqualTo(CHECK);
		assertThat(failure("INSERT INTO identity.users (email, password_hash) VALUES ('no-at-sign', 'h')"))
			.isEqualTo(CHECK);
	}

	@Test
	void whenRequiredColumnMissingThenRejected() throws SQLException {
		assertThat(failure("INSERT INTO identity.users (email) VALUES (?)", randomEmail())).isEqualTo(NOT_NULL);
		assertThat(failure("INSERT INTO identity.profiles (user_id) VALUES (NULL)")).isEqualTo(NOT_NULL);
		assertThat(failure("INSERT INTO identity.revoked_tokens (token_id, reason) VALUES ('j', 'r')"))
			.as("expires_at is required").isEqualTo(NOT_NULL);
	}

	@Test
	void whenUserHasUnknownRoleOrNoRoleThenRejected() throws SQLException {
		assertThat(failure("INSERT INTO identity.users (email, password_hash, roles) VALUES (?, 'h', ARRAY['root'])",
				randomEmail())).isEqualTo(CHECK);
		assertThat(failure("INSERT INTO identity.users (email, password_hash, roles) VALUES (?, 'h', '{}')",
				randomEmail())).isEqualTo(CHECK);
		assertThat(failure("INSERT INTO identity.users (email, password_hash, roles) VALUES (?, 'h', "
				+ "ARRAY['user','admin'])", randomEmail())).isNull();
	}

	@Test
	void whenProfileHasNoUserThenRejected() throws SQLException {
		assertThat(failure("INSERT INTO identity.profiles (user_id) VALUES (?)", UUID.randomUUID()))
			.isEqualTo(FOREIGN_KEY);
	}

	@Test
	void whenSecondProfileForSameUserThenRejected() throws SQLException {
		UUID user = user(randomEmail());
		profile(user);
		assertThat(failure("INSERT INTO identity.profiles (user_id) VALUES (?)", user)).isEqualTo(UNIQUE);
	}

	@Test
	void whenSoftwareBackgroundOutOfRangeThenRejected() throws SQLException {
		UUID user = user(randomEmail());
		UUID profile = profile(user);
		String insert = "INSERT INTO identity.software_backgrounds (profile_id, user_id, experience_level, "
				+ "years_of_experience, programming_languages, frameworks, specializations) VALUES (?, ?, ?, ?, ?, ?, ?)";
		assertThat(failure(insert, profile, user, "guru", 1, array(1), array(1), array(1))).isEqualTo(CHECK);
		assertThat(failure(insert, profile, user, "beginner", -1, array(1), array(1), array(1))).isEqualTo(CHECK);
		assertThat(failure(insert, profile, user, "beginner", 51, array(1), array(1), array(1))).isEqualTo(CHECK);
		assertThat(failure(insert, profile, user, "beginner", 0, array(21), array(1), array(1))).isEqualTo(CHECK);
		assertThat(failure(insert, profile, user, "beginner", 0, array(1), array(21), array(1))).isEqualTo(CHECK);
		assertThat(failure(insert, profile, user, "beginner", 0, array(1), array(1), array(11))).isEqualTo(CHECK);
		assertThat(failure(insert, profile, user, "expert", 50, array(20), array(20), array(10)))
			.as("the limits themselves are allowed").isNull();
		assertThat(failure(insert, profile, user, "intermediate", 0, array(0), array(0), array(0))).isNull();
		assertThat(failure(insert, UUID.randomUUID(), user, "beginner", 0, array(0), array(0), array(0)))
			.isEqualTo(FOREIGN_KEY);
	}

	@Test
	void whenHardwareBackgroundOutOfRangeThenRejected() throws SQLException {
		UUID user = user(randomEmail());
		UUID profile = profile(user);
		String insert = "INSERT INTO identity.hardware_backgrounds (profile_id, user_id, robotics_experience, "
				+ "electronics_knowledge, familiar_platforms, preferred_tools) VALUES (?, ?, ?, ?, ?, ?)";
		assertThat(failure(insert, profile, user, "expert", "basic", array(1), array(1))).isEqualTo(CHECK);
		assertThat(failure(insert, profile, user, "none", "guru", array(1), array(1))).isEqualTo(CHECK);
		assertThat(failure(insert, profile, user, "none", "basic", array(11), array(1))).isEqualTo(CHECK);
		assertThat(failure(insert, profile, user, "none", "basic", array(1), array(11))).isEqualTo(CHECK);
		assertThat(failure(insert, profile, user, "professional", "advanced", array(10), array(10))).isNull();
	}

	@Test
	void whenPreferencesInvalidThenRejected() throws SQLException {
		String insert = "INSERT INTO personalization.user_preferences (user_id, difficulty_setting, focus_areas) "
				+ "VALUES (?, ?, ?::jsonb)";
		assertThat(failure(insert, UUID.randomUUID(), "impossible", "[]")).isEqualTo(CHECK);
		assertThat(failure(insert, UUID.randomUUID(), "beginner", "{\"a\": 1}")).isEqualTo(CHECK);
		assertThat(failure(insert, UUID.randomUUID(), "beginner", "[\"ros2\"]")).isNull();
		UUID user = UUID.randomUUID();
		Sql.update(db, insert, user, "advanced", "[]");
		assertThat(failure(insert, user, "beginner", "[]")).as("one row per user").isEqualTo(UNIQUE);
	}

	@Test
	void whenLogRowsInvalidThenRejected() throws SQLException {
		assertThat(failure("INSERT INTO identity.audit_logs (operation, table_name) VALUES ('TRUNCATE', 'profiles')"))
			.isEqualTo(CHECK);
		assertThat(failure("INSERT INTO identity.auth_logs (success, ip_address) VALUES (false, ?::inet)",
				"not-an-ip")).isEqualTo(BAD_TEXT);
		assertThat(failure("INSERT INTO identity.auth_logs (success, ip_address) VALUES (false, ?::inet)",
				"2001:db8::1")).isNull();
		assertThat(failure("INSERT INTO identity.revoked_tokens (token_id, reason, expires_at) VALUES "
				+ "('dup', 'r', now()), ('dup', 'r', now())")).isEqualTo(UNIQUE);
	}

	@Test
	void whenUserDeletedThenProfileAndBackgroundsGoAndRevocationsStay() throws SQLException {
		UUID user = user(randomEmail());
		UUID profile = profile(user);
		Sql.update(db, "INSERT INTO identity.software_backgrounds (profile_id, user_id) VALUES (?, ?)", profile, user);
		Sql.update(db, "INSERT INTO identity.hardware_backgrounds (profile_id, user_id) VALUES (?, ?)", profile, user);
		String jti = UUID.randomUUID().toString();
		Sql.update(db, "INSERT INTO identity.revoked_tokens (token_id, user_id, reason, expires_at) "
				+ "VALUES (?, ?, 'signout', now() + interval '15 minutes')", jti, user);

		assertThat(Sql.update(db, "DELETE FROM identity.users WHERE id = ?", user)).isEqualTo(1);

		assertThat(Sql.count(db, "SELECT count(*) FROM identity.profiles WHERE user_id = ?", user)).isZero();
		assertThat(Sql.count(db, "SELECT count(*) FROM identity.software_backgrounds WHERE user_id = ?", user)).isZero();
		assertThat(Sql.count(db, "SELECT count(*) FROM identity.hardware_backgrounds WHERE user_id = ?", user)).isZero();
		// A revoked token stays revoked after its user is gone.
		assertThat(Sql.strings(db, "SELECT coalesce(user_id::text, 'none') FROM identity.revoked_tokens "
				+ "WHERE token_id = ?", jti)).containsExactly("none");
	}

	@Test
	void whenRowsCreatedThenDefaultsFilled() throws SQLException {
		UUID user = user(randomEmail());
		assertThat(Sql.strings(db, "SELECT array_to_string(roles, ',') || '|' || (created_at IS NOT NULL) "
				+ "FROM identity.users WHERE id = ?", user)).containsExactly("user|true");
		UUID profile = profile(user);
		assertThat(Sql.strings(db, "SELECT profile_complete::text FROM identity.profiles WHERE id = ?", profile))
			.containsExactly("false");
	}

	@Test
	void everyTimestampIsTimestamptz() throws SQLException {
		assertThat(Sql.strings(db, "SELECT table_schema || '.' || table_name || '.' || column_name "
				+ "FROM information_schema.columns WHERE table_schema IN ('identity', 'personalization') "
				+ "AND data_type = 'timestamp without time zone'")).isEmpty();
	}

	private static String failure(String sql, Object... parameters) throws SQLException {
		return Sql.failureState(db, sql, parameters);
	}

	private static java.sql.Array array(int size) throws SQLException {
		return Sql.textArray(db, size);
	}

	static UUID user(String email) throws SQLException {
		return Sql.insertReturningId(db, "INSERT INTO identity.users (email, password_hash) VALUES (?, 'hash')", email);
	}

	static UUID profile(UUID user) throws SQLException {
		return Sql.insertReturningId(db, "INSERT INTO identity.profiles (user_id) VALUES (?)", user);
	}

	static String randomEmail() {
		return "reader-" + UUID.randomUUID() + "@example.com";
	}

}
