package ai.physical.textbook.bench.load;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The options of one load run, from {@code key=value} arguments with environment fallbacks ({@code BENCH_KEY}).
 */
final class Settings {

	private final Map<String, String> values = new HashMap<>();

	Settings(String[] args) {
		for (String arg : args) {
			int eq = arg.indexOf('=');
			if (eq < 1) {
				throw new IllegalArgumentException("expected key=value, got " + arg);
			}
			this.values.put(arg.substring(0, eq), arg.substring(eq + 1));
		}
	}

	String get(String key) {
		String value = this.values.get(key);
		if (value == null) {
			value = System.getenv("BENCH_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase());
		}
		if (value == null) {
			throw new IllegalArgumentException("missing option " + key);
		}
		return value;
	}

	String get(String key, String fallback) {
		try {
			return get(key);
		}
		catch (IllegalArgumentException ex) {
			return fallback;
		}
	}

	int integer(String key, int fallback) {
		return Integer.parseInt(get(key, Integer.toString(fallback)));
	}

	/** Load is only ever sent to this machine. */
	String loopbackUrl(String key) {
		String url = get(key);
		// A URL template ({userId}) is checked with a placeholder in its place.
		String host = URI.create(url.replace("{userId}", "0")).getHost();
		if (!("127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host) || "::1".equals(host))) {
			throw new IllegalArgumentException(key + " must be a loopback address, got " + url);
		}
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
