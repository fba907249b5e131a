package ai.physical.textbook.bench.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MonitorTest {

	@Test
	void whenCommandNameHasSpacesAndParenthesesThenFieldsAreStillRead(@TempDir Path dir) throws Exception {
		Path stat = dir.resolve("stat");
		Files.writeString(stat, "4242 (my (odd) name) S 17 4242 4242 0 -1 4194560 100 0 0 0 150 30 7 3 20 0 1 0 "
				+ "12345 1000 100 18446744073709551615\n");

		assertThat(Monitor.stat(stat)).containsExactly(17, 150 + 30 + 7 + 3);
	}

	@Test
	void whenProcessIsGoneThenNoStat(@TempDir Path dir) {
		assertThat(Monitor.stat(dir.resolve("missing"))).isNull();
	}

	@Test
	void whenThisJvmIsARootThenItsTicksAreOwnAndInitIsNot() throws Exception {
		long self = ProcessHandle.current().pid();

		Map<Long, Long> own = Monitor.ownTicks(Set.of(self));

		assertThat(own).containsKey(self).doesNotContainKey(1L);
	}

	@Test
	void whenMachineReadThenBusyNeverExceedsTotal() throws Exception {
		long[] ticks = Monitor.totalTicks();

		assertThat(ticks[0]).isPositive().isGreaterThanOrEqualTo(ticks[1]);
	}

}
