package ai.physical.textbook.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The apps' JVM options file ({@code jvm.options} at the repository root): passed to every app the launcher starts,
 * and accepted by this JDK with the values docs/deployment.md states.
 */
class JvmOptionsTests {

	/** The module runs its tests from {@code launcher/}; the file is at the repository root. */
	private static final Path OPTIONS = Path.of("..", "jvm.options").toAbsolutePath().normalize();

	private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

	@Test
	void whenOptionsFileExistsThenPassedAsArgumentFileBeforeTheJar() {
		Path jar = Path.of("/srv/textbook/auth-server/target/auth-server-exec.jar");

		assertThat(ChildApp.command(JAVA, OPTIONS, jar)).containsExactly(JAVA.toString(), "@" + OPTIONS, "-jar",
				jar.toString());
		assertThat(LaunchSettings.resolve(java.util.Map.of(), OPTIONS.getParent()).jvmOptionsFile()).isEqualTo(OPTIONS);
	}

	@Test
	void whenOptionsFileMissingThenJvmDefaults(@TempDir Path directory) {
		Path jar = directory.resolve("app.jar");

		assertThat(ChildApp.command(JAVA, directory.resolve("jvm.options"), jar)).containsExactly(JAVA.toString(),
				"-jar", jar.toString());
	}

	@Test
	void whenJvmStartedWithTheOptionsFileThenHeapIsCappedAndSerialCollectorUsed() throws Exception {
		List<String> flags = run(JAVA.toString(), "@" + OPTIONS, "-XX:+PrintFlagsFinal", "-version");

		assertThat(flag(flags, "MaxHeapSize")).isEqualTo(160L * 1024 * 1024);
		assertThat(flag(flags, "MaxNewSize")).as("room for the Argon2id hashes in flight").isEqualTo(64L * 1024 * 1024);
		assertThat(flag(flags, "SurvivorRatio")).isEqualTo(2);
		assertThat(flag(flags, "TrimNativeHeapInterval")).as("known to this JDK, not ignored").isEqualTo(5000);
		assertThat(flag(flags, "UseSerialGC")).isEqualTo(1);
		assertThat(flag(flags, "ExitOnOutOfMemoryError")).isEqualTo(1);
		assertThat(flag(flags, "MaxMetaspaceSize")).isPositive().isLessThan(256L * 1024 * 1024);
		assertThat(flag(flags, "MetaspaceSize")).as("above what a start loads: no full collection for metadata")
			.isGreaterThanOrEqualTo(96L * 1024 * 1024)
			.isLessThanOrEqualTo(flag(flags, "MaxMetaspaceSize"));
		assertThat(flag(flags, "Tier4InvocationThreshold")).as("C2 later than the default 5000: not during a start")
			.isEqualTo(15000);
		assertThat(flag(flags, "Tier4CompileThreshold")).isEqualTo(45000);
	}

	private static long flag(List<String> flags, String name) {
		// Lines like "   size_t MaxHeapSize    = 167772160    {product} {command line}"
		return flags.stream()
			.map(String::strip)
			.filter((line) -> line.matches("\\S+\\s+" + name + "\\s+:?=.*"))
			.map((line) -> line.split("=")[1].strip().split("\\s+")[0])
			.map((value) -> switch (value) {
				case "true" -> 1L;
				case "false" -> 0L;
				default -> Long.parseLong(value);
			})
			.findFirst()
			.orElseThrow(() -> new AssertionError("flag " + name + " not printed"));
	}

	private static List<String> run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<String> lines = new ArrayList<>(
				List.of(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")));
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
		assertThat(Files.isRegularFile(OPTIONS)).isTrue();
		return lines;
	}

}
