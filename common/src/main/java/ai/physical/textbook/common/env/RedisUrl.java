package ai.physical.textbook.common.env;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A Redis connection parsed from {@code REDIS_URL}: {@code redis://[user[:password]@]host[:port][/db]} or
 * {@code rediss://...} for TLS, as hosted Redis providers hand it out. Credentials are URL-decoded.
 *
 * @param host the host name
 * @param port the port (6379 when absent)
 * @param username the ACL user name, or null
 * @param password the password, or null
 * @param database the database index (0 when absent)
 * @param ssl whether the scheme asks for TLS ({@code rediss})
 */
public record RedisUrl(String host, int port, String username, String password, int database, boolean ssl) {

	/**
	 * Parses a {@code REDIS_URL}.
	 * @throws IllegalArgumentException naming the problem (never echoing the password) when the URL is not usable
	 */
	public static RedisUrl parse(String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("REDIS_URL is empty");
		}
		URI uri;
		try {
			uri = new URI(value.strip());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("REDIS_URL is not a valid URL (percent-encode special characters "
					+ "in the password)");
		}
		String scheme = uri.getScheme();
		if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
			throw new IllegalArgumentException("REDIS_URL must start with redis:// or rediss://");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			throw new IllegalArgumentException("REDIS_URL has no host");
		}
		String username = null;
		String password = null;
		String userInfo = uri.getRawUserInfo();
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			if (colon >= 0) {
				username = decode(userInfo.substring(0, colon));
				password = decode(userInfo.substring(colon + 1));
			}
			else {
				// redis://secret@host is the classic password-only form (no ACL user).
				password = decode(userInfo);
			}
			if (username != null && username.isEmpty()) {
				username = null;
			}
		}
		int database = 0;
		String path = uri.getPath();
		if (path != null && path.length() > 1) {
			try {
				database = Integer.parseInt(path.substring(1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("REDIS_URL database must be a number (redis://host:6379/0)");
			}
			if (database < 0) {
				throw new IllegalArgumentException("REDIS_URL database must not be negative");
			}
		}
		int port = (uri.getPort() > 0) ? uri.getPort() : 6379;
		return new RedisUrl(uri.getHost(), port, username, password, database, "rediss".equals(scheme));
	}

	private static String decode(String value) {
		return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "RedisUrl[host=" + this.host + ", port=" + this.port + ", username=" + this.username + ", password="
				+ ((this.password != null) ? "******" : null) + ", database=" + this.database + ", ssl=" + this.ssl
				+ "]";
	}

}
