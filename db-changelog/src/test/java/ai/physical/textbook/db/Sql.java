package ai.physical.textbook.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Small JDBC helpers for the schema tests: prepared statements only, values bound as parameters.
 */
final class Sql {

	private Sql() {
	}

	static int update(Connection connection, String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = prepare(connection, sql, parameters)) {
			return statement.executeUpdate();
		}
	}

	static UUID insertReturningId(Connection connection, String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = prepare(connection, sql + " RETURNING id", parameters);
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getObject(1, UUID.class);
		}
	}

	static List<String> strings(Connection connection, String sql, Object... parameters) throws SQLException {
		List<String> values = new ArrayList<>();
		try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	static long count(Connection connection, String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static Array textArray(Connection connection, int size) throws SQLException {
		String[] values = new String[size];
		for (int i = 0; i < size; i++) {
			values[i] = "item" + i;
		}
		return connection.createArrayOf("text", values);
	}

	/** Runs the SQL and returns the SQLState it fails with, or null when it succeeds. */
	static String failureState(Connection connection, String sql, Object... parameters) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try {
			var savepoint = connection.setSavepoint();
			try (PreparedStatement statement = prepare(connection, sql, parameters)) {
				statement.execute();
				connection.releaseSavepoint(savepoint);
				return null;
			}
			catch (SQLException ex) {
				connection.rollback(savepoint);
				return ex.getSQLState();
			}
		}
		finally {
			connection.rollback();
			connection.setAutoCommit(autoCommit);
		}
	}

	private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
			throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		for (int i = 0; i < parameters.length; i++) {
			statement.setObject(i + 1, parameters[i]);
		}
		return statement;
	}

}
