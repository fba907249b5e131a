package ai.physical.textbook.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL and Redis servers of one test JVM, started on first use and stopped when the JVM exits.
 *
 * <p>PostgreSQL runs in a Testcontainers container when a Docker engine is available, otherwise from the embedded
 * binaries. Redis always runs as an embedded real {@code redis-server} on a fixed port, because the "Redis down"
 * tests stop it and start it again on the same port, which a container cannot promise.
 */
public final class TestInfrastructure {

	private static final Logger logger = LoggerFactory.getLogger(TestInfrastructure.class);

	private static final AtomicInteger databases = new AtomicInteger();

	private static volatile TestInfrastructure instance;

	private final PostgresEndpoint postgres;

	private final EmbeddedRedis redis;

	private TestInfrastructure(PostgresEndpoint postgres, EmbeddedRedis redis) {
		this.postgres = postgres;
		this.redis = redis;
	}

	/** The servers of this JVM, started on the first call. */
	public static TestInfrastructure get() {
		TestInfrastructure current = instance;
		if (current == null) {
			synchronized (TestInfrastructure.class) {
				current = instance;
				if (current == null) {
					current = start();
					instance = current;
				}
			}
		}
		return current;
	}

	private static TestInfrastructure start() {
		long started = System.nanoTime();
		PostgresEndpoint postgres = DockerPostgres.isDockerAvailable() ? DockerPostgres.start() : startEmbeddedPostgres();
		EmbeddedRedis redis = EmbeddedRedis.start(FreePorts.next());
		Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "stop-test-redis"));
		logger.info("Test infrastructure ready in {} ms: PostgreSQL at {}, Redis at {}",
				(System.nanoTime() - started) / 1_000_000, postgres.jdbcUrl(), redis.endpoint().url());
		return new TestInfrastructure(postgres, redis);
	}

	private static PostgresEndpoint startEmbeddedPostgres() {
		EmbeddedPostgres server = EmbeddedPostgres.start(FreePorts.next(), null);
		Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-test-postgres"));
		return server.endpoint();
	}

	/** The shared database of this JVM, as the superuser. */
	public PostgresEndpoint postgres() {
		return this.postgres;
	}

	/**
	 * A new, empty database on the same server, for tests that must start from nothing (migrations, rollbacks).
	 */
	public PostgresEndpoint freshDatabase() {
		String name = "scratch_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
		try (Connection connection = DriverManager.getConnection(this.postgres.jdbcUrl(), this.postgres.username(),
				this.postgres.password()); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
		return new PostgresEndpoint(this.postgres.host(), this.postgres.port(), name, this.postgres.username(),
				this.postgres.password());
	}

	public RedisEndpoint redis() {
		return this.redis.endpoint();
	}

	/** Stops Redis (keeping its port) to simulate an outage. */
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

}
