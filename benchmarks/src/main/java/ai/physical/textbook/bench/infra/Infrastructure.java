package ai.physical.textbook.bench.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.physical.textbook.testsupport.EmbeddedRedis;
import ai.physical.textbook.testsupport.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts PostgreSQL 17 and Redis on free loopback ports, writes {@code infra.env} into the work directory and keeps both
 * running until the file {@code infra.stop} appears there (or the JVM is terminated).
 *
 * <p>PostgreSQL runs durable by default ({@code fsync} and {@code synchronous_commit} on), as in production; set
 * {@code BENCH_PG_DURABLE=off} to measure without the disk. {@code pg_stat_statements} is preloaded so the harness can
 * read the hot queries of each run.
 */
public final class Infrastructure {

	private Infrastructure() {
	}

	public static void run(Path workDir) throws IOException, InterruptedException {
		Files.createDirectories(workDir);
		boolean durable = !"off".equalsIgnoreCase(System.getenv().getOrDefault("BENCH_PG_DURABLE", "on"));
		Path dataDir = workDir.resolve("pgdata");
		int pgPort = FreePorts.next();
		int redisPort = FreePorts.next();
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setPort(pgPort)
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(true)
			.setServerConfig("max_connections", "300")
			.setServerConfig("shared_buffers", "256MB")
			.setServerConfig("fsync", durable ? "on" : "off")
			.setServerConfig("synchronous_commit", durable ? "on" : "off")
			.setServerConfig("shared_preload_libraries", "pg_stat_statements")
			.setServerConfig("pg_stat_statements.track", "all")
			.setServerConfig("track_io_timing", "on")
			.start();
		EmbeddedRedis redis = EmbeddedRedis.start(redisPort);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres, redis)));
		String postmasterPid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
		List<String> env = List.of("PG_PORT=" + pgPort, "PG_PID=" + postmasterPid, "PG_DURABLE=" + (durable ? "on" : "off"),
				"REDIS_PORT=" + redisPort, "JDBC_URL=jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
				"REDIS_URL=redis://127.0.0.1:" + redisPort);
		Path envFile = workDir.resolve("infra.env");
		Files.write(workDir.resolve("infra.env.tmp"), env, StandardCharsets.UTF_8);
		Files.move(workDir.resolve("infra.env.tmp"), envFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		System.out.println("infrastructure ready: " + env);
		Path stop = workDir.resolve("infra.stop");
		// Bounded: a forgotten run ends by itself after 6 hours.
		long deadline = System.nanoTime() + 6L * 3600 * 1_000_000_000L;
		while (!Files.exists(stop) && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		System.exit(0);
	}

	private static void close(EmbeddedPostgres postgres, EmbeddedRedis redis) {
		try {
			redis.close();
		}
		finally {
			try {
				postgres.close();
			}
			catch (IOException ex) {
				System.err.println("Could not stop PostgreSQL: " + ex.getMessage());
			}
		}
	}

}
