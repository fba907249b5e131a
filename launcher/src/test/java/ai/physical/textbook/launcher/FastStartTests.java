package ai.physical.textbook.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast start never breaks a start: whatever fails falls back to {@code java -jar}. (The success path, extraction,
 * training run and archive, needs a real app with its database: it is what {@code ./run} does on every start.)
 */
class FastStartTests {

	private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

	@Test
	void whenJarIsNoSpringBootJarThenStartsFromTheJarAndSaysWhy(@TempDir Path directory) throws Exception {
		Path jar = directory.resolve("app.jar");
		try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
			zip.putNextEntry(new ZipEntry("readme.txt"));
			zip.write("not an application".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		Path options = directory.resolve("jvm.options");
		Files.writeString(options, "-Xmx64m\n");
		ByteArrayOutputStream output = new ByteArrayOutputStream();

		var command = new FastStart(JAVA, options, directory.resolve("cds"), new PrintStream(output, true))
			.command("demo-app", jar, Map.of());

		assertThat(command).containsExactly(JAVA.toString(), "@" + options, "-jar", jar.toString());
		assertThat(output.toString(StandardCharsets.UTF_8)).contains("fast start of demo-app unavailable")
			.contains("starting from the jar");
		assertThat(directory.resolve("cds/demo-app/app.jsa")).doesNotExist();
	}

	@Test
	void whenTrainingRunFailsThenStartsFromExtractedJarAndDoesNotRetryForThisBuild(@TempDir Path directory)
			throws Exception {
		Path jar = Files.writeString(directory.resolve("app.jar"), "the executable jar of this build");
		Path options = Files.writeString(directory.resolve("jvm.options"), "-Xmx64m\n");
		// As if this build had been extracted already; its main class does not exist, so the training run fails.
		Path appDirectory = Files.createDirectories(directory.resolve("cds/demo-app"));
		Path extracted = Files.createDirectories(appDirectory.resolve("app")).resolve("app.jar");
		java.util.jar.Manifest manifest = new java.util.jar.Manifest();
		manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS, "no.such.Main");
		try (OutputStream file = Files.newOutputStream(extracted);
				java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(file, manifest)) {
			out.flush();
		}
		Files.writeString(appDirectory.resolve("stamp"), FastStart.stamp(jar) + "|" + FastStart.stamp(options));
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		FastStart fastStart = new FastStart(JAVA, options, directory.resolve("cds"), new PrintStream(output, true));

		var first = fastStart.command("demo-app", jar, Map.of());
		var log = appDirectory.resolve("training.log");
		FileTime trained = Files.getLastModifiedTime(log);
		var second = fastStart.command("demo-app", jar, Map.of());

		assertThat(first).containsExactly(JAVA.toString(), "@" + options, "-jar", extracted.toString());
		assertThat(second).isEqualTo(first);
		assertThat(output.toString(StandardCharsets.UTF_8)).contains("no class-data-sharing archive for demo-app");
		assertThat(appDirectory.resolve("training.failed")).exists();
		assertThat(Files.getLastModifiedTime(log)).as("no second training run").isEqualTo(trained);
		assertThat(appDirectory.resolve("app.jsa")).doesNotExist();
	}

	@Test
	void whenJarRebuiltThenStampDiffers(@TempDir Path directory) throws IOException {
		Path jar = Files.writeString(directory.resolve("app.jar"), "one build");
		String first = FastStart.stamp(jar);
		assertThat(FastStart.stamp(jar)).isEqualTo(first);

		Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));

		assertThat(FastStart.stamp(jar)).isNotEqualTo(first);
	}

}
