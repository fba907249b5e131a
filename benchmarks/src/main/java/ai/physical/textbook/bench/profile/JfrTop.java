package ai.physical.textbook.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code jfr-top <file.jfr> [n] [filter]}: the methods with the most CPU samples, by self time (top frame) and by
 * total time (anywhere on the stack), from the execution samples of a recording. With a filter (a package prefix such
 * as {@code ai.physical}), total time is also listed for matching methods only, which names the application code
 * under the hot library frames.
 */
public final class JfrTop {

	private JfrTop() {
	}

	public static void run(String[] args) throws IOException {
		Path file = Path.of(args[0]);
		int n = args.length > 1 ? Integer.parseInt(args[1]) : 25;
		String filter = args.length > 2 ? args[2] : null;
		Map<String, Integer> self = new HashMap<>();
		Map<String, Integer> total = new HashMap<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
				continue;
			}
			RecordedStackTrace stack = event.getStackTrace();
			if (stack == null || stack.getFrames().isEmpty()) {
				continue;
			}
			samples++;
			List<RecordedFrame> frames = stack.getFrames();
			self.merge(name(frames.get(0)), 1, Integer::sum);
			Set<String> seen = new HashSet<>();
			for (RecordedFrame frame : frames) {
				String name = name(frame);
				if (seen.add(name)) {
					total.merge(name, 1, Integer::sum);
				}
			}
		}
		System.out.printf("%d execution samples in %s%n", samples, file.getFileName());
		print("self (top frame)", self, samples, n, null);
		print("total (on stack)", total, samples, n, null);
		if (filter != null) {
			print("total, " + filter + " only", total, samples, n, filter);
		}
	}

	private static void print(String title, Map<String, Integer> counts, int samples, int n, String filter) {
		System.out.printf("%n%s%n", title);
		counts.entrySet()
			.stream()
			.filter((e) -> filter == null || e.getKey().startsWith(filter))
			.sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
			.limit(n)
			.forEach((e) -> System.out.printf("%6.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
	}

	private static String name(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

}
