package ai.physical.textbook.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the launcher does, resolved from the environment.
 *
 * @param root the repository root (where {@code ./run} lives)
 * @param dataDirectory where local state is kept ({@code .data}, env {@code TEXTBOOK_DATA_DIR})
 * @param databaseUrl an external database ({@code DATABASE_URL}), or null for the embedded PostgreSQL
 * @param redisUrl an external Redis ({@code REDIS_URL}), or null for the embedded Redis
 * @param authServerPort port of auth-server ({@code AUTH_SERVER_PORT}, default 9000)
 * @param resourceApiPort port of resource-api ({@code RESOURCE_API_PORT}, default 8081)
 * @param postgresPort preferred port of the embedded PostgreSQL ({@code EMBEDDED_POSTGRES_PORT}, default 15432)
 * @param redisPort preferred port of the embedded Redis ({@code EMBEDDED_REDIS_PORT}, default 16379)
 * @param keyEncryptionKey the key-encryption key from {@code TEXTBOOK_KEK}, or null to use {@code .data/kek}
 * @param issuerUrl the issuer ({@code ISSUER_URL}, default {@code http://localhost:<auth-server port>})
 * @param fastStartEnabled whether apps start with class-data sharing ({@code TEXTBOOK_FAST_START}, default true)
 */
record LaunchSettings(Path root, Path dataDirectory, String databaseUrl, String redisUrl, int authServerPort,
		int resourceApiPort, int postgresPort, int redisPort, String keyEncryptionKey, String issuerUrl,
		boolean fastStartEnabled) {

	static LaunchSettings resolve(Map<String, String> env, Path root) {
		Path data = hasText(env.get("TEXTBOOK_DATA_DIR")) ? root.resolve(env.get("TEXTBOOK_DATA_DIR"))
				: root.resolve(".data");
		int authPort = port(env, "AUTH_SERVER_PORT", 9000);
		return new LaunchSettings(root, data.normalize(), text(env.get("DATABASE_URL")), text(env.get("REDIS_URL")),
				authPort, port(env, "RESOURCE_API_PORT", 8081), port(env, "EMBEDDED_POSTGRES_PORT", 15432),
				port(env, "EMBEDDED_REDIS_PORT", 16379), text(env.get("TEXTBOOK_KEK")),
				hasText(env.get("ISSUER_URL")) ? env.get("ISSUER_URL").strip() : "http://localhost:" + authPort,
				!"false".equalsIgnoreCase(text(env.get("TEXTBOOK_FAST_START"))));
	}

	boolean embeddedPostgres() {
		return this.databaseUrl == null;
	}

	boolean embeddedRedis() {
		return this.redisUrl == null;
	}

	Path authServerJar() {
		return this.root.resolve("auth-server/target/auth-server-exec.jar");
	}

	Path resourceApiJar() {
		return this.root.resolve("resource-api/target/resource-api-exec.jar");
	}

	/**
	 * Whether apps start from their extracted jar with a class-data-sharing archive ({@link FastStart}); on unless
	 * {@code TEXTBOOK_FAST_START=false}.
	 */
	boolean fastStart() {
		return this.fastStartEnabled;
	}

	/** The JVM options of both apps ({@code jvm.options} at the root; docs/deployment.md, "JVM"). */
	Path jvmOptionsFile() {
		return this.root.resolve("jvm.options");
	}

	Path postgresDirectory() {
		return this.dataDirectory.resolve("postgres");
	}

	Path keyEncryptionKeyFile() {
		return this.dataDirectory.resolve("kek");
	}

	private static int port(Map<String, String> env, String name, int fallback) {
		String value = env.get(name);
		if (!hasText(value)) {
			return fallback;
		}
		try {
			int port = Integer.parseInt(value.strip());
			if (port < 1 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a port number (1-65535), not '" + value + "'");
		}
	}

	private static String text(String value) {
		return hasText(value) ? value.strip() : null;
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
