package ai.physical.textbook.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells the machine monitor when the measured window opens and closes, by creating {@code window.start} and
 * {@code window.end} in {@code BENCH_WINDOW_DIR} (nothing happens when the variable is unset).
 */
final class Window {

	private final Path dir;

	private Window(Path dir) {
		this.dir = dir;
	}

	static Window fromEnvironment() {
		String dir = System.getenv("BENCH_WINDOW_DIR");
		return new Window(dir == null || dir.isBlank() ? null : Path.of(dir));
	}

	void start() {
		touch("window.start");
	}

	void end() {
		touch("window.end");
	}

	private void touch(String name) {
		if (this.dir == null) {
			return;
		}
		try {
			Files.createDirectories(this.dir);
			Files.writeString(this.dir.resolve(name), Long.toString(System.currentTimeMillis()));
		}
		catch (IOException ex) {
			System.err.println("could not mark the measured window: " + ex.getMessage());
		}
	}

}
