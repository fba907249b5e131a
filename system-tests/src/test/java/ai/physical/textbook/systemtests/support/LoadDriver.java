package ai.physical.textbook.systemtests.support;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded closed-loop load generator over loopback HTTP: {@code clients} threads each run weighted scenarios back to
 * back until the duration is over or they reached their request cap, whichever comes first. It records every outcome
 * by scenario and status, per-second counts (to see when errors happened) and latency percentiles (reported, never
 * asserted: timing assertions would make tests flaky on a shared machine).
 */
public final class LoadDriver {

	/** How a request ended. */
	public enum Kind {

		/** The answer a healthy system gives. */
		OK,

		/** A refusal the system is designed to give (brute-force lockout, rate limit, a revoked token's 401). */
		EXPECTED_REJECTION,

		/** Anything else: 5xx, a wrong status, a broken connection, a timeout. */
		ERROR

	}

	/** The outcome of one scenario run. */
	public record Outcome(Kind kind, int status, String detail) {

		public static Outcome ok(int status) {
			return new Outcome(Kind.OK, status, null);
		}

		public static Outcome rejected(int status) {
			return new Outcome(Kind.EXPECTED_REJECTION, status, null);
		}

		public static Outcome error(int status, String detail) {
			return new Outcome(Kind.ERROR, status, detail);
		}

	}

	/** One kind of request a simulated client makes. */
	public interface Scenario {

		String name();

		Outcome run(HttpClient http) throws IOException, InterruptedException;

	}

	/** A scenario and its share of the mix. */
	public record Weighted(Scenario scenario, int weight) {
	}

	private LoadDriver() {
	}

	/** Runs the mix and returns the report; never runs longer than {@code duration} plus one request timeout. */
	public static Report run(int clients, Duration duration, long maxRequestsPerClient, List<Weighted> mix) {
		int totalWeight = mix.stream().mapToInt(Weighted::weight).sum();
		HttpClient[] pool = new HttpClient[Math.max(1, Math.min(16, clients / 32))];
		for (int i = 0; i < pool.length; i++) {
			pool[i] = HttpClient.newBuilder()
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5))
				.version(HttpClient.Version.HTTP_1_1)
				.build();
		}
		Report report = new Report(clients, duration);
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		CountDownLatch done = new CountDownLatch(clients);
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			HttpClient http = pool[c % pool.length];
			Thread thread = new Thread(() -> {
				try {
					for (long n = 0; n < maxRequestsPerClient && System.nanoTime() < deadline; n++) {
						Scenario scenario = pick(mix, totalWeight);
						long began = System.nanoTime();
						Outcome outcome;
						try {
							outcome = scenario.run(http);
						}
						catch (IOException ex) {
							outcome = Outcome.error(0, ex.getClass().getSimpleName() + ": " + ex.getMessage());
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
							return;
						}
						catch (RuntimeException ex) {
							outcome = Outcome.error(0, ex.toString());
						}
						long ended = System.nanoTime();
						report.record(scenario.name(), outcome, (ended - began) / 1_000, (int) ((ended - start) / 1_000_000_000L));
					}
				}
				finally {
					done.countDown();
				}
			}, "load-client-" + c);
			thread.setDaemon(true);
			threads.add(thread);
		}
		threads.forEach(Thread::start);
		try {
			// Bounded: every request has its own 30 s timeout, so this is the longest a run can take.
			done.await(duration.toSeconds() + 60, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		report.finish(System.nanoTime() - start);
		return report;
	}

	private static Scenario pick(List<Weighted> mix, int totalWeight) {
		int ticket = ThreadLocalRandom.current().nextInt(totalWeight);
		for (Weighted weighted : mix) {
			ticket -= weighted.weight();
			if (ticket < 0) {
				return weighted.scenario();
			}
		}
		return mix.get(mix.size() - 1).scenario();
	}

	/** What a run did. */
	public static final class Report {

		private final int clients;

		private final Duration duration;

		private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

		private final Map<Integer, LongAdder> errorsPerSecond = new ConcurrentHashMap<>();

		private final Map<Integer, LongAdder> okPerSecond = new ConcurrentHashMap<>();

		private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());

		private final List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());

		private final AtomicLong errors = new AtomicLong();

		private final AtomicLong total = new AtomicLong();

		private final AtomicLong rejections = new AtomicLong();

		private volatile long elapsedNanos;

		Report(int clients, Duration duration) {
			this.clients = clients;
			this.duration = duration;
		}

		void record(String scenario, Outcome outcome, long micros, int second) {
			this.total.incrementAndGet();
			this.counts.computeIfAbsent(scenario, (key) -> new ConcurrentHashMap<>())
				.computeIfAbsent(outcome.kind() + " " + outcome.status(), (key) -> new LongAdder())
				.increment();
			if (outcome.kind() == Kind.ERROR) {
				this.errors.incrementAndGet();
				this.errorsPerSecond.computeIfAbsent(second, (key) -> new LongAdder()).increment();
				if (this.errorSamples.size() < 20) {
					this.errorSamples.add("t=" + second + "s " + scenario + ": " + outcome.status() + " " + outcome.detail());
				}
			}
			else {
				if (outcome.kind() == Kind.EXPECTED_REJECTION) {
					this.rejections.incrementAndGet();
				}
				this.okPerSecond.computeIfAbsent(second, (key) -> new LongAdder()).increment();
			}
			if (this.latenciesMicros.size() < 2_000_000) {
				this.latenciesMicros.add(micros);
			}
		}

		void finish(long elapsedNanos) {
			this.elapsedNanos = elapsedNanos;
		}

		public long total() {
			return this.total.get();
		}

		public long errors() {
			return this.errors.get();
		}

		public long rejections() {
			return this.rejections.get();
		}

		/** Successful (or expectedly refused) answers in a given second of the run. */
		public long okInSecond(int second) {
			LongAdder adder = this.okPerSecond.get(second);
			return adder == null ? 0 : adder.sum();
		}

		/** Errors by second of the run, to show when they happened (e.g. only while an instance was dying). */
		public Map<Integer, Long> errorsPerSecond() {
			Map<Integer, Long> result = new TreeMap<>();
			this.errorsPerSecond.forEach((second, adder) -> result.put(second, adder.sum()));
			return result;
		}

		public List<String> errorSamples() {
			return List.copyOf(this.errorSamples);
		}

		public long percentileMicros(double percentile) {
			List<Long> sorted;
			synchronized (this.latenciesMicros) {
				sorted = new ArrayList<>(this.latenciesMicros);
			}
			if (sorted.isEmpty()) {
				return 0;
			}
			Collections.sort(sorted);
			return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(percentile / 100.0 * sorted.size()) - 1));
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder();
			double seconds = this.elapsedNanos / 1e9;
			text.append(String.format("%d clients for %s: %d requests in %.1f s (%.0f req/s), %d errors, %d expected rejections%n",
					this.clients, this.duration, total(), seconds, total() / Math.max(seconds, 0.001), errors(), rejections()));
			text.append(String.format("latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
					percentileMicros(50) / 1000.0, percentileMicros(95) / 1000.0, percentileMicros(99) / 1000.0,
					percentileMicros(100) / 1000.0));
			new TreeMap<>(this.counts).forEach((scenario, byStatus) -> {
				text.append("  ").append(scenario).append(':');
				new TreeMap<>(byStatus).forEach((status, count) -> text.append(' ').append(status).append('=').append(count.sum()));
				text.append('\n');
			});
			if (!this.errorsPerSecond.isEmpty()) {
				text.append("errors per second: ").append(errorsPerSecond()).append('\n');
				this.errorSamples.forEach((sample) -> text.append("  ").append(sample).append('\n'));
			}
			return text.toString();
		}

	}

}
