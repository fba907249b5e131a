package ai.physical.textbook.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL server from the zonky binaries, run from a data directory of our choosing.
 *
 * <p>With a persistent data directory the local launcher keeps accounts across restarts; tests use a fresh directory.
 */
public final class EmbeddedPostgres implements AutoCloseable {

	private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

	private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
		this.server = server;
	}

	/**
	 * Starts a server on the given port; {@code dataDirectory} null means a throw-away directory.
	 */
	public static EmbeddedPostgres start(int port, Path dataDirectory) {
		try {
			var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
				.setPort(port)
				.setServerConfig("max_connections", "200")
				.setServerConfig("shared_buffers", "128MB")
				.setServerConfig("fsync", dataDirectory == null ? "off" : "on")
				.setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on");
			if (dataDirectory != null) {
				builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
			}
			return new EmbeddedPostgres(builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
		}
	}

	public PostgresEndpoint endpoint() {
		return new PostgresEndpoint("localhost", this.server.getPort(), "postgres", "postgres", "postgres");
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop embedded PostgreSQL", ex);
		}
	}

}
