package ai.physical.textbook.bench.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code monitor <window-dir> <max-seconds> <auth-pid> <api-pid> <own-root-pid>...}: watches one measured window,
 * from the moment {@code window.start} appears in the directory until {@code window.end} appears.
 *
 * <p>It writes {@code machine.tsv}: the CPU used by everything that is not part of the benchmark, in % of all cores
 * (the machine's busy time from {@code /proc/stat}, steal included, minus the CPU of every process descending from one
 * of the given roots, their reaped children included); the machine's total busy CPU; and each app's peak resident
 * memory, sampled every 500 ms. Five seconds in it saves a {@code top} snapshot, so a noisy run can be explained.
 */
public final class Monitor {

	private Monitor() {
	}

	public static void run(String[] args) throws IOException, InterruptedException {
		Path dir = Path.of(args[0]);
		long maxSeconds = Long.parseLong(args[1]);
		long authPid = Long.parseLong(args[2]);
		long apiPid = Long.parseLong(args[3]);
		Set<Long> roots = new HashSet<>();
		for (int i = 4; i < args.length; i++) {
			roots.add(Long.parseLong(args[i]));
		}
		roots.add(ProcessHandle.current().pid());
		Path start = dir.resolve("window.start");
		Path end = dir.resolve("window.end");
		long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
		while (!Files.exists(start) && System.nanoTime() < waitUntil) {
			if (Files.exists(end)) {
				// The load tool never opened its window (it failed first): nothing to measure.
				Files.writeString(dir.resolve("machine.tsv"), "nan\tnan\tnan\tnan\n", StandardCharsets.UTF_8);
				return;
			}
			Thread.sleep(20);
		}
		long[] totalStart = totalTicks();
		Map<Long, Long> ownStart = ownTicks(roots);
		long began = System.nanoTime();
		long authPeak = 0;
		long apiPeak = 0;
		boolean topTaken = false;
		long deadline = began + TimeUnit.SECONDS.toNanos(maxSeconds);
		while (!Files.exists(end) && System.nanoTime() < deadline) {
			authPeak = Math.max(authPeak, rssKib(authPid));
			apiPeak = Math.max(apiPeak, rssKib(apiPid));
			if (!topTaken && System.nanoTime() - began > TimeUnit.SECONDS.toNanos(5)) {
				top(dir.resolve("top.txt"));
				topTaken = true;
			}
			Thread.sleep(500);
		}
		long[] totalEnd = totalTicks();
		Map<Long, Long> ownEnd = ownTicks(roots);
		double elapsedTicks = (totalEnd[0] - totalStart[0]);
		long own = 0;
		for (Map.Entry<Long, Long> entry : ownEnd.entrySet()) {
			own += Math.max(0, entry.getValue() - ownStart.getOrDefault(entry.getKey(), 0L));
		}
		long busy = (totalEnd[0] - totalEnd[1]) - (totalStart[0] - totalStart[1]);
		double otherPct = elapsedTicks > 0 ? 100.0 * Math.max(0, busy - own) / elapsedTicks : Double.NaN;
		double busyPct = elapsedTicks > 0 ? 100.0 * busy / elapsedTicks : Double.NaN;
		String line = String.format(Locale.ROOT, "%.1f\t%.1f\t%.1f\t%.1f", otherPct, busyPct, authPeak / 1024.0,
				apiPeak / 1024.0);
		Files.writeString(dir.resolve("machine.tsv"), line + "\n", StandardCharsets.UTF_8);
	}

	/** All CPUs' jiffies: {total, idle + iowait}. */
	static long[] totalTicks() throws IOException {
		String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
		String[] f = cpu.trim().split("\\s+");
		long total = 0;
		for (int i = 1; i < Math.min(f.length, 9); i++) {
			total += Long.parseLong(f[i]);
		}
		long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
		return new long[] { total, idle };
	}

	/** utime + stime + cutime + cstime of every process that descends from a root. */
	static Map<Long, Long> ownTicks(Set<Long> roots) throws IOException {
		Map<Long, long[]> stats = new HashMap<>();
		try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			for (Path entry : proc) {
				long[] stat = stat(entry.resolve("stat"));
				if (stat != null) {
					stats.put(Long.parseLong(entry.getFileName().toString()), stat);
				}
			}
		}
		Map<Long, Long> own = new HashMap<>();
		for (Map.Entry<Long, long[]> entry : stats.entrySet()) {
			if (descends(entry.getKey(), roots, stats)) {
				own.put(entry.getKey(), entry.getValue()[1]);
			}
		}
		return own;
	}

	private static boolean descends(long pid, Set<Long> roots, Map<Long, long[]> stats) {
		long current = pid;
		for (int depth = 0; depth < 64 && current > 1; depth++) {
			if (roots.contains(current)) {
				return true;
			}
			long[] stat = stats.get(current);
			if (stat == null) {
				return false;
			}
			current = stat[0];
		}
		return false;
	}

	/** {ppid, utime + stime + cutime + cstime} from /proc/pid/stat, or null if the process is gone. */
	static long[] stat(Path file) {
		try {
			String content = Files.readString(file);
			// The command name may contain spaces and parentheses: fields start after the last ')'.
			String[] f = content.substring(content.lastIndexOf(')') + 2).split(" ");
			long ppid = Long.parseLong(f[1]);
			long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
			return new long[] { ppid, ticks };
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	static long rssKib(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
		return 0;
	}

	private static void top(Path file) {
		try {
			Process top = new ProcessBuilder("top", "-b", "-c", "-n", "1", "-w", "250", "-o", "%CPU")
				.redirectErrorStream(true)
				.redirectOutput(file.toFile())
				.start();
			top.waitFor(5, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			// top is optional: the CPU figures above do not depend on it.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
