package ai.physical.textbook.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server that can be stopped and started again on the same port and data directory, for the
 * "PostgreSQL restarted mid-load" tests: clients see their connections dropped and the server come back with every
 * committed row, exactly as after a restart of a real database server.
 *
 * <p>Stopping uses PostgreSQL's fast shutdown (open transactions are rolled back, connections closed), which is what
 * an operator's restart or a failover does to the applications.
 */
public final class RestartablePostgres implements AutoCloseable {

	private final int port;

	private final Path dataDirectory;

	private EmbeddedPostgres server;

	private RestartablePostgres(int port, Path dataDirectory) {
		this.port = port;
		this.dataDirectory = dataDirectory;
	}

	/**
	 * Starts a server on a free loopback port with its data in {@code dataDirectory} (created when missing, reused
	 * when it already holds a cluster).
	 */
	public static RestartablePostgres start(Path dataDirectory) {
		try {
			Files.createDirectories(dataDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create " + dataDirectory, ex);
		}
		RestartablePostgres postgres = new RestartablePostgres(FreePorts.next(), dataDirectory);
		postgres.resume();
		return postgres;
	}

	public PostgresEndpoint endpoint() {
		return new PostgresEndpoint("localhost", this.port, "postgres", "postgres", "postgres");
	}

	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/** Stops the server (fast shutdown), keeping its port and data for {@link #resume()}. */
	public synchronized void stop() {
		if (this.server == null) {
			return;
		}
		this.server.close();
		this.server = null;
	}

	/** Starts the server again on the same port with the same data. */
	public synchronized void resume() {
		if (this.server != null) {
			return;
		}
		this.server = EmbeddedPostgres.start(this.port, this.dataDirectory);
	}

	@Override
	public void close() {
		stop();
	}

}
