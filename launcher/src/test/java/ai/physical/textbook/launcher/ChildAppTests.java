package ai.physical.textbook.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment an app JVM gets from the launcher: its own settings plus the native-memory setting of every app.
 */
class ChildAppTests {

	@Test
	void whenAppStartsThenItsEnvironmentHasTwoMallocArenasAndItsOwnSettings() throws Exception {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

		ChildApp app = ChildApp.start("demo", List.of("sh", "-c", "echo arenas=$MALLOC_ARENA_MAX port=$PORT"),
				Map.of("PORT", "9999"), out);

		assertThat(awaitLine(app, output)).isEqualTo("demo         | arenas=2 port=9999");
	}

	@Test
	void whenEnvironmentAlreadySetsArenasThenThatValueWins() {
		Map<String, String> target = new HashMap<>(Map.of("MALLOC_ARENA_MAX", "4"));

		ChildApp.applyEnvironment(target, Map.of("PORT", "9000"));

		assertThat(target).containsEntry("MALLOC_ARENA_MAX", "4").containsEntry("PORT", "9000");
	}

	@Test
	void whenAppEnvironmentNamesArenasThenTheAppsValueWins() {
		Map<String, String> target = new HashMap<>();

		ChildApp.applyEnvironment(target, Map.of("MALLOC_ARENA_MAX", "1"));

		assertThat(target).containsEntry("MALLOC_ARENA_MAX", "1");
	}

	/** The child's single line, once the copier thread has passed it on (the child exits right after printing). */
	private static String awaitLine(ChildApp app, ByteArrayOutputStream output) throws InterruptedException {
		for (int i = 0; i < 200 && (app.isAlive() || output.size() == 0); i++) {
			Thread.sleep(50);
		}
		return output.toString(StandardCharsets.UTF_8).strip();
	}

}
