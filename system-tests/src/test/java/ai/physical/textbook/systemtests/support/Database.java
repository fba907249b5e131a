package ai.physical.textbook.systemtests.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.physical.textbook.testsupport.PostgresEndpoint;

/**
 * Direct access to the system's database as its superuser, to check what the apps wrote (or did not write): row
 * counts before and after bad input, invariants after a restart, raw values in text columns.
 */
public final class Database {

	/** Tables that bad input may legitimately add rows to: the logs of what was attempted and decided. */
	public static final List<String> LOG_TABLES = List.of("identity.auth_logs", "identity.authz_logs",
			"identity.audit_logs");

	private final PostgresEndpoint endpoint;

	Database(PostgresEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.endpoint.jdbcUrl(), this.endpoint.username(), this.endpoint.password());
	}

	/** The number of rows of every table of the {@code identity} and {@code personalization} schemas. */
	public Map<String, Long> rowCounts() {
		Map<String, Long> counts = new TreeMap<>();
		try (Connection connection = connect()) {
			List<String> tables = new ArrayList<>();
			try (PreparedStatement statement = connection.prepareStatement(
					"SELECT table_schema || '.' || table_name FROM information_schema.tables "
							+ "WHERE table_schema IN ('identity', 'personalization') AND table_type = 'BASE TABLE'");
					ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
			for (String table : tables) {
				// Names come from the catalog, not from input; quote each part anyway.
				String[] parts = table.split("\\.");
				try (PreparedStatement statement = connection
					.prepareStatement("SELECT count(*) FROM \"" + parts[0] + "\".\"" + parts[1] + "\"");
						ResultSet rows = statement.executeQuery()) {
					rows.next();
					counts.put(table, rows.getLong(1));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot count rows", ex);
		}
		return counts;
	}

	/** Row counts of every table except the logs, which record attempts and may grow. */
	public Map<String, Long> dataRowCounts() {
		Map<String, Long> counts = rowCounts();
		LOG_TABLES.forEach(counts::remove);
		return counts;
	}

	/** A single number from a query with positional parameters. */
	public long queryForLong(String sql, Object... parameters) {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Query failed: " + sql, ex);
		}
	}

	/** A single text value from a query with positional parameters (null when no row). */
	public String queryForString(String sql, Object... parameters) {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getString(1) : null;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Query failed: " + sql, ex);
		}
	}

	/** A fingerprint of everything stored about one user's profile (profile and both backgrounds). */
	public String profileFingerprint(String userId) {
		return queryForString("""
				SELECT md5(coalesce((SELECT string_agg(p::text, ',') FROM identity.profiles p WHERE p.user_id = ?::uuid), '')
				        || coalesce((SELECT string_agg(s::text, ',') FROM identity.software_backgrounds s WHERE s.user_id = ?::uuid), '')
				        || coalesce((SELECT string_agg(h::text, ',') FROM identity.hardware_backgrounds h WHERE h.user_id = ?::uuid), ''))
				""", userId, userId, userId);
	}

	/** Runs a statement with positional parameters; returns the update count. */
	public int update(String sql, Object... parameters) {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Statement failed: " + sql, ex);
		}
	}

	/** True when a table exists (features land at different times; tests name the table they need). */
	public boolean tableExists(String qualifiedName) {
		return queryForLong("SELECT count(*) FROM information_schema.tables WHERE table_schema || '.' || table_name = ?",
				qualifiedName) > 0;
	}

}
