package ai.physical.textbook.bench.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import ai.physical.textbook.bench.seed.Seeder;
import org.HdrHistogram.Histogram;

/**
 * {@code hashrate <threads> <seconds> <out>}: the raw Argon2id verification rate with the auth-server's parameters,
 * the ceiling of any sign-in rate on this machine. Run while the apps are idle, in the same run as the sign-in
 * scenario, so both see the same machine.
 */
public final class HashRate {

	private HashRate() {
	}

	public static void run(String[] args) throws Exception {
		int threads = Integer.parseInt(args[0]);
		int seconds = Integer.parseInt(args[1]);
		Path out = Path.of(args[2]);
		String hash = Seeder.ARGON2.encode("correct horse battery staple");
		// Warm-up: the JIT compiles BouncyCastle's Argon2 core.
		long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(5, seconds / 2));
		while (System.nanoTime() < warmupEnd) {
			Seeder.ARGON2.matches("correct horse battery staple", hash);
		}
		AtomicLong count = new AtomicLong();
		List<Histogram> histograms = new ArrayList<>();
		List<Thread> workers = new ArrayList<>();
		long start = System.nanoTime();
		long end = start + TimeUnit.SECONDS.toNanos(seconds);
		for (int i = 0; i < threads; i++) {
			Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
			histograms.add(histogram);
			workers.add(new Thread(() -> {
				while (System.nanoTime() < end) {
					long begin = System.nanoTime();
					if (!Seeder.ARGON2.matches("correct horse battery staple", hash)) {
						throw new IllegalStateException("hash did not verify");
					}
					histogram.recordValue(System.nanoTime() - begin);
					count.incrementAndGet();
				}
			}));
		}
		workers.forEach(Thread::start);
		for (Thread worker : workers) {
			worker.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		Histogram total = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
		histograms.forEach(total::add);
		Result result = Result.of("argon2id-verify", "raw", threads, elapsed, 0, total, "java");
		result.write(out);
		System.out.println(result.line());
	}

}
