package ai.physical.textbook.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One app (auth-server or resource-api) running as a real child JVM from its executable jar, listening on loopback.
 *
 * <p>A real process is what the fault tests need: {@link #kill()} is a crash (SIGKILL, nothing flushed),
 * {@link #stopGracefully(Duration)} is an orchestrator's stop (SIGTERM, Spring's graceful shutdown).
 */
public final class AppProcess implements AutoCloseable {

	private static final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Process process;

	private final Path logFile;

	private AppProcess(String name, int port, Process process, Path logFile) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.logFile = logFile;
	}

	/**
	 * Starts {@code jar} with the given Spring properties (passed as command-line arguments, the highest-priority
	 * source) and environment variables, its output going to {@code logFile}. Does not wait for readiness.
	 */
	static AppProcess start(String name, Path jar, int port, Map<String, String> properties, Map<String, String> env,
			Path logFile) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// Small heaps and the serial collector: several of these JVMs share two cores with the test JVM.
		command.addAll(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Xss512k", "-XX:ActiveProcessorCount=2",
				"-Djava.security.egd=file:/dev/urandom", "-jar", jar.toString()));
		Map<String, String> all = new LinkedHashMap<>();
		all.put("server.port", Integer.toString(port));
		all.put("server.address", "127.0.0.1");
		all.putAll(properties);
		all.forEach((key, value) -> command.add("--" + key + "=" + value));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
		builder.environment().putAll(env);
		try {
			Files.createDirectories(logFile.getParent());
			return new AppProcess(name, port, builder.start(), logFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	/** Waits until the readiness probe answers 200; fails with the end of the log if the process dies first. */
	public AppProcess awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
						+ " before it was ready; end of its log:\n" + logTail(60));
			}
			if (isReady()) {
				return this;
			}
			sleep(Duration.ofMillis(250));
		}
		throw new IllegalStateException(this.name + " not ready within " + timeout + "; end of its log:\n" + logTail(60));
	}

	/** True when the app's readiness probe answers 200 now. */
	public boolean isReady() {
		try {
			HttpResponse<Void> response = probe.send(
					HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
						.timeout(Duration.ofSeconds(2))
						.build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Waits for the process to exit by itself (e.g. refusing to start) and returns its exit code. */
	public int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException(this.name + " still running after " + timeout);
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	public String name() {
		return this.name;
	}

	public int port() {
		return this.port;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** A crash: SIGKILL, no shutdown hook runs, nothing is flushed. */
	public void kill() {
		this.process.destroyForcibly();
		awaitQuietly(Duration.ofSeconds(30));
	}

	/** An orchestrator's stop: SIGTERM, then Spring's graceful shutdown. Returns the exit code. */
	public int stopGracefully(Duration timeout) {
		this.process.destroy();
		if (!awaitQuietly(timeout)) {
			this.process.destroyForcibly();
			awaitQuietly(Duration.ofSeconds(10));
			throw new IllegalStateException(this.name + " did not stop within " + timeout + "; end of its log:\n"
					+ logTail(40));
		}
		return this.process.exitValue();
	}

	/** The whole output of the process so far. */
	public String log() {
		try {
			return Files.readString(this.logFile, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	public String logTail(int lines) {
		List<String> all = log().lines().toList();
		return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}

	/** Open file descriptors of the process (sockets included), from /proc. */
	public long openFiles() {
		try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
			return fds.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the descriptors of " + this.name, ex);
		}
	}

	/** Resident memory of the process in KiB, from /proc. */
	public long residentKib() {
		try {
			return Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")))
				.findFirst()
				.orElseThrow();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the status of " + this.name, ex);
		}
	}

	private boolean awaitQuietly(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Sleeps, turning an interrupt into a failure (tests pace faults with it, never assert on time). */
	public static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!awaitQuietly(Duration.ofSeconds(30))) {
				this.process.destroyForcibly();
				awaitQuietly(Duration.ofSeconds(10));
			}
		}
	}

	@Override
	public String toString() {
		return this.name + "@" + baseUrl();
	}

}
