package ai.physical.textbook.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import ai.physical.textbook.testsupport.EmbeddedPostgres;
import ai.physical.textbook.testsupport.EmbeddedRedis;
import ai.physical.textbook.testsupport.PostgresEndpoint;

/**
 * Local run of the whole stack ({@code ./run}).
 *
 * <p>Without {@code DATABASE_URL} / {@code REDIS_URL} it starts an embedded PostgreSQL whose data stays in
 * {@code .data/postgres} (accounts survive a restart) and an embedded Redis; with them, it uses those servers. Then it
 * starts auth-server and, once that is ready (it runs its migrations first), resource-api, each as {@code java -jar}
 * with its output prefixed, and prints where to go. Ctrl-C stops the apps gracefully, then Redis, then PostgreSQL.
 */
public final class Launcher {

	static final String DATABASE = "textbook";

	static final String DEMO_EMAIL = "demo@textbook.local";

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	private static final Duration STOP_GRACE = Duration.ofSeconds(25);

	private final LaunchSettings settings;

	private final PrintStream out;

	private final List<ChildApp> apps = new ArrayList<>();

	private final AtomicBoolean stopped = new AtomicBoolean();

	private EmbeddedPostgres postgres;

	private EmbeddedRedis redis;

	Launcher(LaunchSettings settings, PrintStream out) {
		this.settings = settings;
		this.out = out;
	}

	public static void main(String[] args) {
		Path root = Path.of(System.getProperty("textbook.root", ".")).toAbsolutePath().normalize();
		Launcher launcher;
		try {
			launcher = new Launcher(LaunchSettings.resolve(System.getenv(), root), System.out);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("launcher: " + ex.getMessage());
			System.exit(2);
			return;
		}
		// The embedded servers register shutdown hooks of their own, and hooks run concurrently; handling the
		// signals ourselves stops things in order (apps, then Redis, then PostgreSQL) before any hook runs.
		SignalHandler orderlyStop = (signal) -> {
			System.out.println("launcher: SIG" + signal.getName() + " received");
			launcher.stop();
			System.exit(0);
		};
		Signal.handle(new Signal("INT"), orderlyStop);
		Signal.handle(new Signal("TERM"), orderlyStop);
		Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "launcher-stop"));
		try {
			launcher.start();
			ChildApp exited = launcher.awaitFirstExit();
			if (exited != null) {
				System.err.println("launcher: " + exited.name() + " stopped on its own; stopping everything");
				launcher.stop();
				System.exit(1);
			}
			// Stopped by a signal: wait here until the signal thread has finished stopping. If main returned now,
			// the JVM would begin its shutdown and the embedded servers' own hooks would stop Redis and PostgreSQL
			// while the apps are still shutting down.
			launcher.stop();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			System.err.println("launcher: " + ex.getMessage());
			launcher.stop();
			System.exit(1);
		}
	}

	void start() throws InterruptedException {
		Map<String, String> environment = new LinkedHashMap<>();
		if (this.settings.embeddedPostgres()) {
			environment.put("DATABASE_URL", startPostgres());
		}
		if (this.settings.embeddedRedis()) {
			environment.put("REDIS_URL", startRedis());
		}
		environment.put("TEXTBOOK_KEK", (this.settings.keyEncryptionKey() != null) ? this.settings.keyEncryptionKey()
				: SecretFiles.readOrCreate(this.settings.keyEncryptionKeyFile(), SecretFiles::newKeyEncryptionKey));
		environment.put("ISSUER_URL", this.settings.issuerUrl());
		String demoPassword = SecretFiles.readOrCreate(this.settings.dataDirectory().resolve("demo-password"),
				Launcher::newDemoPassword);
		environment.put("TEXTBOOK_DEMO_USER_EMAIL", DEMO_EMAIL);
		environment.put("TEXTBOOK_DEMO_USER_PASSWORD", demoPassword);

		Map<String, String> authEnvironment = new LinkedHashMap<>(environment);
		authEnvironment.put("PORT", Integer.toString(this.settings.authServerPort()));
		ChildApp authServer = startApp("auth-server", this.settings.authServerJar(), authEnvironment);
		authServer.awaitReady(this.settings.authServerPort(), READY_TIMEOUT);

		Map<String, String> apiEnvironment = new LinkedHashMap<>(environment);
		apiEnvironment.put("PORT", Integer.toString(this.settings.resourceApiPort()));
		if (System.getenv("JWK_SET_URI") == null) {
			apiEnvironment.put("JWK_SET_URI", "http://localhost:" + this.settings.authServerPort() + "/oauth2/jwks");
		}
		ChildApp resourceApi = startApp("resource-api", this.settings.resourceApiJar(), apiEnvironment);
		resourceApi.awaitReady(this.settings.resourceApiPort(), READY_TIMEOUT);

		this.out.println();
		this.out.println("  Ready.");
		this.out.println("  Demo reader:      http://localhost:" + this.settings.resourceApiPort() + "/");
		this.out.println("  Sign up:          http://localhost:" + this.settings.authServerPort() + "/signup");
		this.out.println("  Demo login:       " + DEMO_EMAIL + " / " + demoPassword);
		this.out.println("  OpenID discovery: " + this.settings.issuerUrl() + "/.well-known/openid-configuration");
		if (this.postgres != null) {
			PostgresEndpoint endpoint = this.postgres.endpoint();
			this.out.println("  PostgreSQL:       psql -h localhost -p " + endpoint.port() + " -U postgres " + DATABASE
					+ "   (data in " + this.settings.root().relativize(this.settings.postgresDirectory()) + ")");
		}
		if (this.redis != null) {
			this.out.println("  Redis:            " + this.redis.endpoint().url());
		}
		this.out.println("  Ctrl-C stops everything.");
		this.out.println();
	}

	/** Blocks until one of the apps exits on its own (returns it) or the launcher is stopped (returns null). */
	ChildApp awaitFirstExit() throws InterruptedException {
		while (!this.stopped.get()) {
			for (ChildApp app : this.apps) {
				if (!app.isAlive() && !this.stopped.get()) {
					return app;
				}
			}
			Thread.sleep(500);
		}
		return null;
	}

	/**
	 * Stops the apps (newest first), then Redis, then PostgreSQL. Safe to call more than once and from several
	 * threads (a second Ctrl-C, the shutdown hook): later callers wait until the first one has finished, so the JVM
	 * never exits while an app is still running.
	 */
	synchronized void stop() {
		if (!this.stopped.compareAndSet(false, true)) {
			return;
		}
		this.out.println("launcher: stopping");
		for (int i = this.apps.size() - 1; i >= 0; i--) {
			try {
				this.out.println("launcher: stopping " + this.apps.get(i).name());
				this.apps.get(i).stop(STOP_GRACE);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.redis != null) {
			this.out.println("launcher: stopping Redis");
			quietly("Redis", this.redis::close);
		}
		if (this.postgres != null) {
			this.out.println("launcher: stopping PostgreSQL");
			quietly("PostgreSQL", this.postgres::close);
		}
		this.out.println("launcher: stopped");
	}

	private String startPostgres() {
		int port = Ports.preferredOrFree(this.settings.postgresPort());
		Path directory = this.settings.postgresDirectory();
		boolean existing = Files.exists(directory.resolve("postgresql.conf"));
		this.out.println("launcher: " + (existing ? "starting" : "creating") + " embedded PostgreSQL in "
				+ this.settings.root().relativize(directory) + " on port " + port);
		this.postgres = EmbeddedPostgres.start(port, directory);
		createDatabaseIfMissing(this.postgres.endpoint());
		PostgresEndpoint endpoint = this.postgres.endpoint();
		return "postgresql://" + endpoint.username() + ":" + endpoint.password() + "@localhost:" + endpoint.port() + "/"
				+ DATABASE;
	}

	private String startRedis() {
		int port = Ports.preferredOrFree(this.settings.redisPort());
		this.out.println("launcher: starting embedded Redis on port " + port);
		this.redis = EmbeddedRedis.start(port);
		return this.redis.endpoint().url();
	}

	private ChildApp startApp(String name, Path jar, Map<String, String> environment) throws InterruptedException {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
		}
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = this.settings.fastStart()
				? new FastStart(java, this.settings.jvmOptionsFile(), this.settings.dataDirectory().resolve("cds"),
						this.out).command(name, jar, environment)
				: ChildApp.command(java, this.settings.jvmOptionsFile(), jar);
		this.out.println("launcher: starting " + name);
		ChildApp app = ChildApp.start(name, command, environment, this.out);
		this.apps.add(app);
		return app;
	}

	static void createDatabaseIfMissing(PostgresEndpoint server) {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
				server.password())) {
			boolean exists;
			try (var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
				statement.setString(1, DATABASE);
				try (var rs = statement.executeQuery()) {
					exists = rs.next();
				}
			}
			if (!exists) {
				try (var statement = connection.createStatement()) {
					statement.execute("CREATE DATABASE " + DATABASE);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + DATABASE, ex);
		}
	}

	/** A password that meets the signup rules (upper and lower case, digits, at least 8 characters). */
	static String newDemoPassword() {
		String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder("Reader-");
		for (int i = 0; i < 12; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.append("-7x").toString();
	}

	private void quietly(String what, Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			// Ctrl-C in a terminal reaches the servers too; one already gone is not an error.
			this.out.println("launcher: " + what + " stopped with: " + ex.getMessage());
		}
	}

}
