package ai.physical.textbook.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts an app from its extracted jar with a class-data-sharing archive, which halves the CPU a start takes (measured
 * on two cores: auth-server from 27.7 to 14.2 CPU seconds until ready).
 *
 * <p>Once per build of the jar, in {@code .data/cds/<app>/}: the executable jar is extracted with Spring Boot's tools
 * jar mode ({@code -Djarmode=tools extract}: plain jars on the class path, which class-data sharing needs), then a
 * training run starts the app up to its refreshed context ({@code -Dspring.context.exit=onRefresh}) with
 * {@code -XX:ArchiveClassesAtExit} and exits, leaving the archive of every class the start loaded. Later starts map that
 * archive ({@code -XX:SharedArchiveFile}) instead of loading, parsing and verifying the classes again.
 *
 * <p>Every step is checked and anything unexpected falls back to {@code java -jar}: the first start after a build is
 * slower (extraction and the training run), never broken. A JVM that finds the archive unusable (another JDK) ignores
 * it by itself and starts normally.
 */
final class FastStart {

	private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);

	private final Path java;

	private final Path jvmOptions;

	private final Path directory;

	private final PrintStream out;

	/**
	 * @param java the java executable
	 * @param jvmOptions the apps' JVM options file (used by the training run too, so the archive matches)
	 * @param directory where the extracted jars and archives are kept ({@code .data/cds})
	 * @param out where progress is reported
	 */
	FastStart(Path java, Path jvmOptions, Path directory, PrintStream out) {
		this.java = java;
		this.jvmOptions = jvmOptions;
		this.directory = directory;
		this.out = out;
	}

	/**
	 * The command that starts the app: from the extracted jar with the archive when both are (or can be made) ready,
	 * otherwise {@code java [@jvm.options] -jar <jar>}.
	 * @param name the app's name (its directory under {@code .data/cds})
	 * @param jar the executable jar
	 * @param environment the app's environment (the training run needs the database like a real start)
	 */
	List<String> command(String name, Path jar, Map<String, String> environment) throws InterruptedException {
		Path appDirectory = this.directory.resolve(name);
		Path extractedJar = appDirectory.resolve("app").resolve(jar.getFileName());
		Path archive = appDirectory.resolve("app.jsa");
		try {
			String stamp = stamp(jar) + "|" + (Files.isRegularFile(this.jvmOptions) ? stamp(this.jvmOptions) : "-");
			Path stampFile = appDirectory.resolve("stamp");
			if (!Files.isRegularFile(stampFile) || !stamp.equals(Files.readString(stampFile))
					|| !Files.isRegularFile(extractedJar)) {
				deleteRecursively(appDirectory);
				Files.createDirectories(appDirectory);
				this.out.println("launcher: preparing the fast start of " + name + " (once per build)");
				run(List.of(this.java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
						"--destination", appDirectory.resolve("app").toString()), Map.of(),
						appDirectory.resolve("extract.log"));
				if (!Files.isRegularFile(extractedJar)) {
					throw new IOException("extraction produced no " + extractedJar.getFileName());
				}
				Files.writeString(stampFile, stamp);
			}
			List<String> command = new ArrayList<>(ChildApp.command(this.java, this.jvmOptions, extractedJar));
			Path trainingFailed = appDirectory.resolve("training.failed");
			if (!Files.isRegularFile(archive) && !Files.exists(trainingFailed)) {
				try {
					train(extractedJar, archive, environment, appDirectory.resolve("training.log"));
				}
				catch (IOException ex) {
					// Not again for this build: every start would pay for a training run that fails.
					Files.writeString(trainingFailed, String.valueOf(ex.getMessage()));
					this.out.println("launcher: no class-data-sharing archive for " + name + " (" + ex.getMessage()
							+ "); starting from the extracted jar");
				}
			}
			if (Files.isRegularFile(archive)) {
				command.add(command.indexOf("-jar"), "-XX:SharedArchiveFile=" + archive);
			}
			return command;
		}
		catch (IOException ex) {
			this.out.println("launcher: fast start of " + name + " unavailable (" + ex.getMessage()
					+ "); starting from the jar");
			return ChildApp.command(this.java, this.jvmOptions, jar);
		}
	}

	private void train(Path extractedJar, Path archive, Map<String, String> environment, Path log)
			throws IOException, InterruptedException {
		Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
		Files.deleteIfExists(partial);
		List<String> command = new ArrayList<>(ChildApp.command(this.java, this.jvmOptions, extractedJar));
		int jarIndex = command.indexOf("-jar");
		command.add(jarIndex, "-Dspring.context.exit=onRefresh");
		command.add(jarIndex, "-XX:ArchiveClassesAtExit=" + partial);
		run(command, environment, log);
		if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
			throw new IOException("the training run wrote no archive (see " + log + ")");
		}
		// Renamed only when complete, so an interrupted training run never leaves a half-written archive behind.
		Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void run(List<String> command, Map<String, String> environment, Path log)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		// Like the real start, so that the training run loads the same classes.
		ChildApp.applyEnvironment(builder.environment(), environment);
		Process process = builder.start();
		if (!process.waitFor(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			throw new IOException("timed out after " + STEP_TIMEOUT.toMinutes() + " min (see " + log + ")");
		}
		if (process.exitValue() != 0) {
			throw new IOException("exit code " + process.exitValue() + " (see " + log + ")");
		}
	}

	/** Identifies one build of the jar: another size or modification time means another build. */
	static String stamp(Path jar) throws IOException {
		return Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis() + ":"
				+ System.getProperty("java.vm.version");
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
