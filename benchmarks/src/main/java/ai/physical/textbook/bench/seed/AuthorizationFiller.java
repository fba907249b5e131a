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
 * Brings the authorization table to a target row count for the scale scenario: {@code 0} empties it (and, by cascade,
 * its token table); a larger number clones a real row (written by the token endpoint during warm-up) until the count
 * is reached, and with each clone the template's rows in a child table (the tokens of the authorization).
 *
 * <p>Clones must not distort the indexes, so every indexed text or uuid column gets a unique value in each clone
 * (a value the template had as null stays null); the child's foreign key gets its parent clone's key. Timestamps move
 * forward by up to an hour, so no clone is expired (and removed by a cleanup job) while the scenario runs. The columns
 * are read from the catalog, so the filler follows the authorization server's schema as it evolves.
 *
 * <p>Usage: {@code fill-authorizations <jdbc-url> <table> <rows> [<child-table> <child-fk-column>] [<template-where>]}.
 */
public final class AuthorizationFiller {

	private static final int BATCH = 50_000;

	private AuthorizationFiller() {
	}

	public static void run(String[] args) throws SQLException {
		String jdbcUrl = args[0];
		String table = args[1];
		long target = Long.parseLong(args[2]);
		Child child = args.length >= 5 && !args[3].isBlank() ? new Child(args[3], args[4]) : null;
		String where = args.length == 6 ? args[5] : args.length == 4 ? args[3] : "true";
		try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
			fill(connection, table, target, child, where);
		}
	}

	/** A table whose rows belong to the filled table's rows through {@code foreignKey}. */
	record Child(String table, String foreignKey) {
	}

	static void fill(Connection connection, String qualifiedTable, long target) throws SQLException {
		fill(connection, qualifiedTable, target, null, "true");
	}

	static void fill(Connection connection, String qualifiedTable, long target, Child child, String templateWhere)
			throws SQLException {
		long start = System.nanoTime();
		if (target == 0) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("TRUNCATE " + qualifiedTable + " CASCADE");
				statement.execute("VACUUM ANALYZE " + qualifiedTable);
				if (child != null) {
					statement.execute("VACUUM ANALYZE " + child.table());
				}
			}
			System.out.printf("%s emptied%n", qualifiedTable);
			return;
		}
		long current = count(connection, qualifiedTable);
		List<Column> columns = columns(connection, qualifiedTable);
		String primaryKey = columns.get(0).name();
		String templateKey;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT " + primaryKey + "::text FROM " + qualifiedTable + " WHERE "
						+ templateWhere + " LIMIT 1")) {
			if (!rs.next()) {
				throw new IllegalStateException(qualifiedTable + " has no row to clone: run a token request first");
			}
			templateKey = rs.getString(1);
		}
		String parentKeyExpression = null;
		List<String> expressions = new ArrayList<>();
		for (Column column : columns) {
			String expression = expression(column, true);
			expressions.add(expression);
			if (column.name().equals(primaryKey)) {
				parentKeyExpression = expression;
			}
		}
		String parentSql = insert(qualifiedTable, columns, expressions, primaryKey);
		String childSql = null;
		if (child != null) {
			List<Column> childColumns = columns(connection, child.table());
			List<String> childExpressions = new ArrayList<>();
			for (Column column : childColumns) {
				childExpressions.add(column.name().equals(child.foreignKey()) ? parentKeyExpression : expression(column, false));
			}
			childSql = insert(child.table(), childColumns, childExpressions, child.foreignKey());
		}
		connection.setAutoCommit(false);
		long next = current;
		while (next < target) {
			long last = Math.min(target, next + BATCH);
			execute(connection, parentSql, next + 1, last, templateKey);
			if (childSql != null) {
				execute(connection, childSql, next + 1, last, templateKey);
			}
			connection.commit();
			next = last;
		}
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute("VACUUM ANALYZE " + qualifiedTable);
			if (child != null) {
				statement.execute("VACUUM ANALYZE " + child.table());
			}
		}
		System.out.printf("%s: %d -> %d rows%s in %d ms%n", qualifiedTable, current, count(connection, qualifiedTable),
				child == null ? "" : " (" + child.table() + ": " + count(connection, child.table()) + ")",
				(System.nanoTime() - start) / 1_000_000);
	}

	private static String insert(String table, List<Column> columns, List<String> expressions, String templateColumn) {
		String names = String.join(", ", columns.stream().map(Column::name).toList());
		return "INSERT INTO " + table + " (" + names + ") SELECT " + String.join(", ", expressions) + " FROM " + table
				+ " t, generate_series(?::bigint, ?::bigint) AS i WHERE t." + templateColumn + "::text = ?";
	}

	private static void execute(Connection connection, String sql, long from, long to, String templateKey)
			throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(sql)) {
			insert.setLong(1, from);
			insert.setLong(2, to);
			insert.setString(3, templateKey);
			insert.executeUpdate();
		}
	}

	/**
	 * The SQL expression giving a clone's value of one column; {@code t} is the template row, {@code i} the clone
	 * number. Unique values are derived from {@code i} and the column name only, so a child row can compute its
	 * parent clone's key; the template's own value is mixed in so that several child rows of one template stay apart.
	 */
	static String expression(Column column, boolean ownTable) {
		String name = "t." + column.name();
		String type = column.type();
		if (type.startsWith("timestamp")) {
			return name + " + (i % 3600) * interval '1 second'";
		}
		if (!column.indexed()) {
			return name;
		}
		if (type.equals("uuid")) {
			return "CASE WHEN " + name + " IS NULL THEN NULL ELSE md5(i::text || '" + column.name() + "' || " + name
					+ "::text)::uuid END";
		}
		if (type.contains("char") || type.equals("text")) {
			// The filled table's key depends on i alone (its child rows compute it); other columns also mix in the
			// template's value, so several child rows cloned from one template stay distinct.
			boolean parentKey = ownTable && column.primaryKey();
			String value = "'bench-' || i || '-' || md5(i::text || '" + column.name() + "'" + (parentKey ? ""
					: " || " + name) + ")";
			if (column.maxLength() != null) {
				value = "left(" + value + ", " + column.maxLength() + ")";
			}
			return parentKey ? value : "CASE WHEN " + name + " IS NULL THEN NULL ELSE " + value + " END";
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

	private static List<Column> columns(Connection connection, String qualifiedTable) throws SQLException {
		String[] parts = qualifiedTable.split("\\.");
		String schema = parts[0];
		String table = parts[1];
		List<String> keys = primaryKey(connection, schema, table);
		Set<String> indexed = indexedColumns(connection, schema, table);
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
					String name = rs.getString(1);
					columns.add(new Column(name, rs.getString(2), (Integer) rs.getObject(3),
							indexed.contains(name) || keys.contains(name), keys.contains(name)));
				}
			}
		}
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

	record Column(String name, String type, Integer maxLength, boolean indexed, boolean primaryKey) {
	}

}
