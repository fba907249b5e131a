package ai.physical.textbook.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import redis.embedded.RedisServer;

/**
 * A real redis-server binary on a fixed port that can be stopped and started again on the same port, which is what
 * the "Redis down" tests need.
 */
public final class EmbeddedRedis implements AutoCloseable {

	private final int port;

	private RedisServer server;

	private EmbeddedRedis(int port) {
		this.port = port;
	}

	public static EmbeddedRedis start(int port) {
		EmbeddedRedis redis = new EmbeddedRedis(port);
		redis.resume();
		return redis;
	}

	public RedisEndpoint endpoint() {
		return new RedisEndpoint("localhost", this.port);
	}

	public synchronized boolean isRunning() {
		return this.server != null && this.server.isActive();
	}

	/** Stops the server, keeping its port for {@link #resume()}. */
	public synchronized void stop() {
		if (this.server == null) {
			return;
		}
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop embedded Redis", ex);
		}
		this.server = null;
	}

	/** Starts the server again on the same port, empty. */
	public synchronized void resume() {
		if (this.server != null) {
			return;
		}
		try {
			RedisServer next = RedisServer.newRedisServer()
				.port(this.port)
				.bind("127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.setting("maxmemory 256mb")
				.build();
			next.start();
			this.server = next;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded Redis on port " + this.port, ex);
		}
	}

	@Override
	public void close() {
		stop();
	}

}
