package ai.physical.textbook.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Test data shared by the schema tests.
 */
final class SchemaConstraintTestsSupport {

	private SchemaConstraintTestsSupport() {
	}

	/** A new user with a random email, committed as the table owner. */
	static UUID user(Connection db) throws SQLException {
		return Sql.insertReturningId(db, "INSERT INTO identity.users (email, password_hash) VALUES (?, 'hash')",
				"reader-" + UUID.randomUUID() + "@example.com");
	}

}
