package ai.physical.textbook.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One app running as a child JVM ({@code java -jar}), its output copied to ours with a prefix.
 */
final class ChildApp {

	private static final Duration READY_POLL = Duration.ofMillis(50);

	/**
	 * The environment every app JVM gets besides its own settings: at most two C-library heap arenas instead of eight
	 * per core, which keeps the native memory of a JVM with many request threads from fragmenting into per-thread
	 * arenas (docs/deployment.md, "JVM options"). A value set in the launcher's own environment wins.
	 */
	static final Map<String, String> NATIVE_MEMORY_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

	private final String name;

	private final Process process;

	private ChildApp(String name, Process process) {
		this.name = name;
		this.process = process;
	}

	/**
	 * @param command the command line, from {@link #command} or {@link FastStart#command}
	 */
	static ChildApp start(String name, List<String> command, Map<String, String> environment, PrintStream out) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		applyEnvironment(builder.environment(), environment);
		try {
			Process process = builder.start();
			String prefix = String.format("%-13s| ", name);
			Thread copier = new Thread(() -> copy(process, prefix, out), name + "-output");
			copier.setDaemon(true);
			copier.start();
			return new ChildApp(name, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	/**
	 * Adds the app's environment and {@link #NATIVE_MEMORY_ENVIRONMENT} (unless already set) to a child's
	 * environment.
	 */
	static void applyEnvironment(Map<String, String> target, Map<String, String> environment) {
		NATIVE_MEMORY_ENVIRONMENT.forEach(target::putIfAbsent);
		target.putAll(environment);
	}

	/** {@code java [@jvm.options] -jar <jar>}: the options file is the one place the apps' JVM options are set. */
	static List<String> command(Path java, Path jvmOptions, Path jar) {
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		if (jvmOptions != null && Files.isRegularFile(jvmOptions)) {
			command.add("@" + jvmOptions);
		}
		command.add("-jar");
		command.add(jar.toString());
		return command;
	}

	String name() {
		return this.name;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Waits until {@code /actuator/health/readiness} answers 200.
	 * @throws IllegalStateException when the app exits or is not ready within the timeout
	 */
	void awaitReady(int port, Duration timeout) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with code " + this.process.exitValue()
						+ " before it was ready (see its output above)");
			}
			try {
				if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			// Short, so that the launcher reports ready within a few tens of milliseconds of the app (the probe is a
			// local request of about a millisecond).
			Thread.sleep(READY_POLL.toMillis());
		}
		throw new IllegalStateException(this.name + " was not ready within " + timeout.toSeconds() + " s");
	}

	/** Asks the app to shut down gracefully (SIGTERM), and kills it if it has not after the grace period. */
	void stop(Duration grace) throws InterruptedException {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(5, TimeUnit.SECONDS);
		}
	}

	private static void copy(Process process, String prefix, PrintStream out) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				out.println(prefix + line);
			}
		}
		catch (IOException ex) {
			// The child is gone; nothing more to copy.
		}
	}

}
