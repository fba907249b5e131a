package ai.physical.textbook.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.physical.textbook.testsupport.EmbeddedRedis;
import ai.physical.textbook.testsupport.FreePorts;
import ai.physical.textbook.testsupport.PostgresEndpoint;
import ai.physical.textbook.testsupport.RestartablePostgres;

/**
 * The servers of one system-test JVM: a restartable PostgreSQL (persistent data directory, fixed port), a Redis that
 * can be stopped and started on its port, and the shared auth-server and resource-api processes, all started on first
 * use and stopped when the JVM exits.
 *
 * <p>Tests that break something (stop Redis, restart PostgreSQL, kill an instance) restore it before they finish, so
 * the next test finds a healthy stack; {@link #ensureHealthy()} checks that and restarts what a failed test left down.
 */
public final class SystemStack {

	private static final Logger logger = LoggerFactory.getLogger(SystemStack.class);

	/** Time an app may take to become ready on a busy two-core machine. */
	public static final Duration STARTUP = Duration.ofSeconds(300);

	private static volatile SystemStack instance;

	private final Path workDirectory;

	private final RestartablePostgres postgres;

	private final EmbeddedRedis redis;

	/** One key-encryption key per test JVM, so restarted auth-servers decrypt the signing keys they stored. */
	private final String keyEncryptionKey;

	private final List<AppProcess> processes = new ArrayList<>();

	private AppProcess authServer;

	private AppProcess resourceApi;

	private SystemStack(Path workDirectory, RestartablePostgres postgres, EmbeddedRedis redis) {
		this.workDirectory = workDirectory;
		this.postgres = postgres;
		this.redis = redis;
		this.keyEncryptionKey = randomKey();
	}

	/** The stack of this JVM, its servers started on the first call. */
	public static SystemStack get() {
		SystemStack current = instance;
		if (current == null) {
			synchronized (SystemStack.class) {
				current = instance;
				if (current == null) {
					current = start();
					instance = current;
				}
			}
		}
		return current;
	}

	private static SystemStack start() {
		Path work = Path.of("target", "system-tests", "run-" + ProcessHandle.current().pid()).toAbsolutePath();
		try {
			Files.createDirectories(work);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		RestartablePostgres postgres = RestartablePostgres.start(work.resolve("pgdata"));
		EmbeddedRedis redis = EmbeddedRedis.start(FreePorts.next());
		SystemStack stack = new SystemStack(work, postgres, redis);
		Runtime.getRuntime().addShutdownHook(new Thread(stack::shutdown, "stop-system-stack"));
		logger.info("System stack: PostgreSQL at {}, Redis at {}, logs in {}", postgres.endpoint().jdbcUrl(),
				redis.endpoint().url(), work);
		return stack;
	}

	static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	public PostgresEndpoint postgresEndpoint() {
		return this.postgres.endpoint();
	}

	/** The database, as its superuser, for snapshots and invariants. */
	public Database database() {
		return new Database(this.postgres.endpoint());
	}

	public String redisUrl() {
		return this.redis.endpoint().url();
	}

	public String keyEncryptionKey() {
		return this.keyEncryptionKey;
	}

	public Path workDirectory() {
		return this.workDirectory;
	}

	/** Stops Redis (keeping its port), as in an outage. */
	public void stopRedis() {
		this.redis.stop();
	}

	/** Starts Redis again on the same port, empty, as after a crash. */
	public void startRedis() {
		this.redis.resume();
	}

	public boolean isRedisRunning() {
		return this.redis.isRunning();
	}

	/** Stops PostgreSQL (fast shutdown: open transactions roll back, connections drop). */
	public void stopPostgres() {
		this.postgres.stop();
	}

	/** Starts PostgreSQL again on the same port with the same data. */
	public void startPostgres() {
		this.postgres.resume();
	}

	/** The shared auth-server, issuer = its own loopback URL, started on first use. */
	public synchronized AppProcess authServer() {
		if (this.authServer == null || !this.authServer.isAlive()) {
			int port = FreePorts.next();
			this.authServer = startAuthServer("auth-server", port, "http://127.0.0.1:" + port, Map.of(), Map.of())
				.awaitReady(STARTUP);
		}
		return this.authServer;
	}

	/** The shared resource-api, trusting the shared auth-server. */
	public synchronized AppProcess resourceApi() {
		if (this.resourceApi == null || !this.resourceApi.isAlive()) {
			AppProcess auth = authServer();
			this.resourceApi = startResourceApi("resource-api", auth.baseUrl(), auth.baseUrl() + "/oauth2/jwks",
					Map.of())
				.awaitReady(STARTUP);
		}
		return this.resourceApi;
	}

	/**
	 * Starts another auth-server process (not waiting for readiness) on {@code port} with the given issuer, the
	 * stack's database, Redis and key-encryption key, plus extra properties and environment variables (which win).
	 */
	public synchronized AppProcess startAuthServer(String name, int port, String issuer, Map<String, String> properties,
			Map<String, String> env) {
		Map<String, String> allProperties = new LinkedHashMap<>(databaseAndRedisProperties());
		allProperties.put("textbook.issuer", issuer);
		allProperties.putAll(TestClients.authServerProperties());
		allProperties.putAll(properties);
		Map<String, String> allEnv = new LinkedHashMap<>(databaseAndRedisEnvironment());
		allEnv.put("ISSUER_URL", issuer);
		allEnv.put("TEXTBOOK_KEK", this.keyEncryptionKey);
		allEnv.putAll(TestClients.authServerEnvironment());
		allEnv.putAll(env);
		return track(AppProcess.start(name, Jars.authServer(), port, allProperties, allEnv, logFile(name, port)));
	}

	/** Starts another resource-api process (not waiting for readiness) trusting the given issuer and JWK set. */
	public synchronized AppProcess startResourceApi(String name, String issuer, String jwkSetUri,
			Map<String, String> properties) {
		int port = FreePorts.next();
		Map<String, String> allProperties = new LinkedHashMap<>(databaseAndRedisProperties());
		allProperties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
		allProperties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri);
		allProperties.put("textbook.issuer", issuer);
		allProperties.put("textbook.jwt.jwk-set-uri", jwkSetUri);
		allProperties.putAll(properties);
		Map<String, String> allEnv = new LinkedHashMap<>(databaseAndRedisEnvironment());
		allEnv.put("ISSUER_URL", issuer);
		allEnv.put("JWK_SET_URI", jwkSetUri);
		allEnv.put("RESOURCE_API_CLIENT_SECRET", TestClients.INTROSPECTION_CLIENT_SECRET);
		return track(AppProcess.start(name, Jars.resourceApi(), port, allProperties, allEnv, logFile(name, port)));
	}

	private AppProcess track(AppProcess process) {
		this.processes.add(process);
		return process;
	}

	private Path logFile(String name, int port) {
		return this.workDirectory.resolve("logs").resolve(name + "-" + port + ".log");
	}

	private Map<String, String> databaseAndRedisProperties() {
		PostgresEndpoint db = this.postgres.endpoint();
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", db.jdbcUrl());
		properties.put("spring.datasource.username", db.username());
		properties.put("spring.datasource.password", db.password());
		properties.put("spring.data.redis.url", redisUrl());
		return properties;
	}

	private Map<String, String> databaseAndRedisEnvironment() {
		PostgresEndpoint db = this.postgres.endpoint();
		Map<String, String> env = new LinkedHashMap<>();
		env.put("DATABASE_URL", db.jdbcUrl());
		env.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
		env.put("SPRING_DATASOURCE_USERNAME", db.username());
		env.put("SPRING_DATASOURCE_PASSWORD", db.password());
		env.put("REDIS_URL", redisUrl());
		return env;
	}

	/**
	 * Restores what a failed test may have left broken: Redis and PostgreSQL running, the shared apps ready.
	 */
	public void ensureHealthy() {
		if (!this.postgres.isRunning()) {
			this.postgres.resume();
		}
		if (!this.redis.isRunning()) {
			this.redis.resume();
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		for (AppProcess app : new AppProcess[] { this.authServer, this.resourceApi }) {
			if (app == null || !app.isAlive()) {
				continue;
			}
			while (!app.isReady() && System.nanoTime() < deadline) {
				AppProcess.sleep(Duration.ofMillis(250));
			}
		}
	}

	private synchronized void shutdown() {
		for (AppProcess process : this.processes) {
			try {
				process.close();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not stop {}", process, ex);
			}
		}
		this.redis.close();
		this.postgres.close();
	}

}
