package ai.physical.textbook.common.env;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A PostgreSQL connection parsed from {@code DATABASE_URL}: a JDBC URL and, when the URL carried them, the credentials.
 *
 * <p>Accepted forms:
 * <ul>
 * <li>{@code jdbc:postgresql://host:port/db?...} — used as given; credentials come from elsewhere (or its query).</li>
 * <li>{@code postgresql://user:password@host[:port]/db?sslmode=require&...} (or {@code postgres://}) — the libpq URI
 * that Neon, Supabase, Heroku and others hand out. The user and password are taken out of the URL and URL-decoded;
 * every query parameter is kept, with the few libpq names that the JDBC driver spells differently translated
 * (for example {@code channel_binding} becomes {@code channelBinding}).</li>
 * </ul>
 *
 * @param jdbcUrl the JDBC URL, without credentials when they were extracted
 * @param username the user name, or null when the URL carried none
 * @param password the password, or null when the URL carried none
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

	/** libpq parameter names whose JDBC driver equivalent is spelled differently. */
	private static final Map<String, String> LIBPQ_TO_JDBC = Map.of("channel_binding", "channelBinding",
			"application_name", "ApplicationName", "connect_timeout", "connectTimeout");

	/**
	 * Parses a {@code DATABASE_URL}.
	 * @throws IllegalArgumentException naming the problem (never echoing the password) when the URL is not usable
	 */
	public static DatabaseUrl parse(String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("DATABASE_URL is empty");
		}
		String url = value.strip();
		if (url.startsWith("jdbc:postgresql:")) {
			return new DatabaseUrl(url, null, null);
		}
		if (url.startsWith("jdbc:")) {
			throw new IllegalArgumentException("DATABASE_URL must point to PostgreSQL (jdbc:postgresql:...)");
		}
		String rest;
		if (url.startsWith("postgresql://")) {
			rest = url.substring("postgresql://".length());
		}
		else if (url.startsWith("postgres://")) {
			rest = url.substring("postgres://".length());
		}
		else {
			throw new IllegalArgumentException(
					"DATABASE_URL must start with jdbc:postgresql:, postgresql:// or postgres://");
		}
		String query = null;
		int questionMark = rest.indexOf('?');
		if (questionMark >= 0) {
			query = rest.substring(questionMark + 1);
			rest = rest.substring(0, questionMark);
		}
		int slash = rest.indexOf('/', rest.lastIndexOf('@') + 1);
		String authority = (slash >= 0) ? rest.substring(0, slash) : rest;
		String database = (slash >= 0) ? rest.substring(slash + 1) : "";
		String username = null;
		String password = null;
		// The last '@' separates credentials from hosts, so an unencoded '@' in a password still parses.
		int at = authority.lastIndexOf('@');
		if (at >= 0) {
			String userInfo = authority.substring(0, at);
			authority = authority.substring(at + 1);
			int colon = userInfo.indexOf(':');
			username = decode((colon >= 0) ? userInfo.substring(0, colon) : userInfo);
			password = (colon >= 0) ? decode(userInfo.substring(colon + 1)) : null;
			if (username.isEmpty()) {
				username = null;
			}
		}
		if (authority.isEmpty()) {
			throw new IllegalArgumentException("DATABASE_URL has no host");
		}
		if (database.isEmpty()) {
			throw new IllegalArgumentException("DATABASE_URL has no database name (expected .../dbname)");
		}
		String jdbcUrl = "jdbc:postgresql://" + authority + "/" + database;
		String translatedQuery = translateQuery(query);
		if (!translatedQuery.isEmpty()) {
			jdbcUrl = jdbcUrl + "?" + translatedQuery;
		}
		return new DatabaseUrl(jdbcUrl, username, password);
	}

	private static String translateQuery(String query) {
		if (query == null || query.isEmpty()) {
			return "";
		}
		StringJoiner joined = new StringJoiner("&");
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			String rest = (equals >= 0) ? pair.substring(equals) : "";
			joined.add(LIBPQ_TO_JDBC.getOrDefault(name, name) + rest);
		}
		return joined.toString();
	}

	private static String decode(String value) {
		try {
			// URLDecoder turns '+' into a space, which is form encoding, not URI encoding: keep '+' literal.
			return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("DATABASE_URL has badly percent-encoded credentials");
		}
	}

	@Override
	public String toString() {
		return "DatabaseUrl[jdbcUrl=" + this.jdbcUrl + ", username=" + this.username + ", password="
				+ ((this.password != null) ? "******" : null) + "]";
	}

}
