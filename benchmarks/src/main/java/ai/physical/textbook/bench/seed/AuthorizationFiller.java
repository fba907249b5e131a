package ai.physical.textbook.bench.seed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Brings the authorization table to a target row count for the scale scenario: {@code 0} empties it; a larger number
 * clones the newest real row (written by the token endpoint during warm-up) until the count is reached.
 *
 * <p>Clones must not distort the indexes, so every indexed text or uuid column gets a unique value in each clone
 * (a value the template had as null stays null), and timestamps are spread over the preceding day.
 * The table's columns are read from the catalog, so the filler follows the authorization server's schema as it evolves.
 */
public final class AuthorizationFiller {

	private static final int BATCH = 50_000;

	private AuthorizationFiller() {
	}

	public static void run(String[] args) throws SQLException {
		String jdbcUrl = args[0];
		String table = args[1];
		long target = Long.parseLong(args[2]);
		try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
			fill(connection, table, target);
		}
	}

	static void fill(Connection connection, String qualifiedTable, long target) throws SQLException {
		String[] parts = qualifiedTable.split("\\.");
		String schema = parts[0];
		String table = parts[1];
		long start = System.nanoTime();
		if (target == 0) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("TRUNCATE " + qualifiedTable + " CASCADE");
				statement.execute("VACUUM ANALYZE " + qualifiedTable);
			}
			System.out.printf("%s emptied%n", qualifiedTable);
			return;
		}
		long current = count(connection, qualifiedTable);
		List<Column> columns = columns(connection, schema, table);
		Set<String> indexed = indexedColumns(connection, schema, table);
		String primaryKey = columns.get(0).name();
		String templateKey;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"SELECT " + primaryKey + "::text FROM " + qualifiedTable + " LIMIT 1")) {
			if (!rs.next()) {
				throw new IllegalStateException(qualifiedTable + " has no row to clone: run a token request first");
			}
			templateKey = rs.getString(1);
		}
		String names = String.join(", ", columns.stream().map(Column::name).toList());
		List<String> expressions = new ArrayList<>();
		for (Column column : columns) {
			expressions.add(expression(column, indexed.contains(column.name()) || column.name().equals(primaryKey)));
		}
		String sql = "INSERT INTO " + qualifiedTable + " (" + names + ") SELECT " + String.join(", ", expressions)
				+ " FROM " + qualifiedTable + " t, generate_series(?::bigint, ?::bigint) AS i WHERE t." + primaryKey
				+ "::text = ?";
		connection.setAutoCommit(false);
		long next = current;
		try (PreparedStatement insert = connection.prepareStatement(sql)) {
			while (next < target) {
				long last = Math.min(target, next + BATCH);
				insert.setLong(1, next + 1);
				insert.setLong(2, last);
				insert.setString(3, templateKey);
				insert.executeUpdate();
				connection.commit();
				next = last;
			}
		}
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute("VACUUM ANALYZE " + qualifiedTable);
		}
		System.out.printf("%s: %d -> %d rows in %d ms%n", qualifiedTable, current, count(connection, qualifiedTable),
				(System.nanoTime() - start) / 1_000_000);
	}

	/** The SQL expression giving a clone's value of one column; {@code t} is the template row, {@code i} the clone number. */
	static String expression(Column column, boolean unique) {
		String name = "t." + column.name();
		String type = column.type();
		if (type.startsWith("timestamp")) {
			return name + " - (i % 86400) * interval '1 second'";
		}
		if (!unique) {
			return name;
		}
		if (type.equals("uuid")) {
			return "CASE WHEN " + name + " IS NULL THEN NULL ELSE gen_random_uuid() END";
		}
		if (type.contains("char") || type.equals("text")) {
			String value = "'bench-' || i || '-' || md5(random()::text)";
			if (column.maxLength() != null) {
				value = "left(" + value + ", " + column.maxLength() + ")";
			}
			return "CASE WHEN " + name + " IS NULL THEN NULL ELSE " + value + " END";
		}
		if (type.equals("bigint") || type.equals("integer")) {
			// Far above any key the application has issued, so clones never collide with real rows.
			return "(1000000000 + i)::" + type;
		}
		return name;
	}

	private static long count(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static List<Column> columns(Connection connection, String schema, String table) throws SQLException {
		List<Column> columns = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT column_name, data_type, character_maximum_length, is_generated, identity_generation
				FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position""")) {
			statement.setString(1, schema);
			statement.setString(2, table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					if ("ALWAYS".equals(rs.getString(4)) || "ALWAYS".equals(rs.getString(5))) {
						continue;
					}
					columns.add(new Column(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3)));
				}
			}
		}
		List<String> keys = primaryKey(connection, schema, table);
		// The primary key first, so the template can be addressed by it.
		columns.sort((a, b) -> Boolean.compare(!keys.contains(a.name()), !keys.contains(b.name())));
		return columns;
	}

	private static List<String> primaryKey(Connection connection, String schema, String table) throws SQLException {
		List<String> keys = new ArrayList<>();
		try (ResultSet rs = connection.getMetaData().getPrimaryKeys(null, schema, table)) {
			while (rs.next()) {
				keys.add(rs.getString("COLUMN_NAME"));
			}
		}
		return keys;
	}

	private static Set<String> indexedColumns(Connection connection, String schema, String table) throws SQLException {
		Set<String> names = new LinkedHashSet<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT a.attname FROM pg_index x
				JOIN pg_class c ON c.oid = x.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
				JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (x.indkey)
				WHERE n.nspname = ? AND c.relname = ?""")) {
			statement.setString(1, schema);
			statement.setString(2, table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					names.add(rs.getString(1));
				}
			}
		}
		return names;
	}

	record Column(String name, String type, Integer maxLength) {
	}

}
