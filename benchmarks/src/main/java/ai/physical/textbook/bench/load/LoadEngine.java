package ai.physical.textbook.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * A closed loop: {@code concurrency} workers, each repeating its session's operation back to back, first for the
 * warm-up (not recorded) then for the measured time. Bounded by time and by a total operation count; a worker whose
 * session has nothing left to do (a spent token pool) stops early, and the measured time ends with the last worker.
 */
final class LoadEngine {

	/** A worker's view of a scenario. */
	interface Session extends AutoCloseable {

		/** Untimed work before each operation (e.g. deleting a cache key); false when the session is exhausted. */
		default boolean prepare() throws Exception {
			return true;
		}

		/** The timed operation; false (or an exception) counts as an error. */
		boolean call() throws Exception;

		@Override
		default void close() throws Exception {
		}

	}

	interface SessionFactory {

		Session open(int worker) throws Exception;

	}

	private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(120);

	private LoadEngine() {
	}

	static Result run(String scenario, String variant, int concurrency, int warmupSeconds, int durationSeconds,
			long maxOperations, SessionFactory factory) throws Exception {
		List<Session> sessions = open(concurrency, factory);
		AtomicLong budget = new AtomicLong(maxOperations);
		AtomicLong errors = new AtomicLong();
		AtomicLong lastEnd = new AtomicLong();
		List<Histogram> histograms = new ArrayList<>();
		CountDownLatch done = new CountDownLatch(concurrency);
		long start = System.nanoTime();
		long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
		long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(durationSeconds);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < concurrency; i++) {
			Session session = sessions.get(i);
			Histogram histogram = new Histogram(HIGHEST_NANOS, 3);
			histograms.add(histogram);
			Thread thread = new Thread(() -> {
				try {
					loop(session, histogram, errors, budget, lastEnd, measureFrom, measureTo);
				}
				finally {
					done.countDown();
				}
			}, "load-" + i);
			thread.setDaemon(true);
			threads.add(thread);
		}
		threads.forEach(Thread::start);
		Window window = Window.fromEnvironment();
		if (!done.await(measureFrom - System.nanoTime(), TimeUnit.NANOSECONDS)) {
			window.start();
			done.await(measureTo - System.nanoTime(), TimeUnit.NANOSECONDS);
			window.end();
		}
		// Bounded: every request has a 30 s timeout, so the workers end at most that long after the measured time.
		done.await(90L, TimeUnit.SECONDS);
		for (Session session : sessions) {
			session.close();
		}
		Histogram total = new Histogram(HIGHEST_NANOS, 3);
		histograms.forEach(total::add);
		long end = Math.min(measureTo, Math.max(lastEnd.get(), measureFrom));
		double seconds = (end - measureFrom) / 1e9;
		return Result.of(scenario, variant, concurrency, seconds, errors.get(), total, "java");
	}

	/**
	 * Opens every worker's session at once (a session may sign a user in or mint tokens, which takes a while on a
	 * busy machine); the first failure fails the run.
	 */
	private static List<Session> open(int concurrency, SessionFactory factory) throws Exception {
		List<Session> sessions = new ArrayList<>(java.util.Collections.nCopies(concurrency, (Session) null));
		List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		List<Thread> openers = new ArrayList<>();
		for (int i = 0; i < concurrency; i++) {
			int worker = i;
			Thread opener = new Thread(() -> {
				try {
					Session session = factory.open(worker);
					synchronized (sessions) {
						sessions.set(worker, session);
					}
				}
				catch (Exception | Error ex) {
					failures.add(ex);
				}
			}, "open-" + i);
			opener.setDaemon(true);
			openers.add(opener);
			opener.start();
		}
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
		for (Thread opener : openers) {
			opener.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
		}
		if (!failures.isEmpty()) {
			Throwable first = failures.get(0);
			throw (first instanceof Exception ex) ? ex : new IllegalStateException("a session failed to open", first);
		}
		synchronized (sessions) {
			if (sessions.contains(null)) {
				throw new IllegalStateException("sessions not opened within 10 minutes");
			}
			return new ArrayList<>(sessions);
		}
	}

	private static void loop(Session session, Histogram histogram, AtomicLong errors, AtomicLong budget,
			AtomicLong lastEnd, long measureFrom, long measureTo) {
		while (true) {
			long now = System.nanoTime();
			if (now >= measureTo || budget.get() <= 0) {
				return;
			}
			try {
				if (!session.prepare()) {
					return;
				}
			}
			catch (Exception ex) {
				Errors.report("prepare", ex);
				return;
			}
			long begin = System.nanoTime();
			boolean ok;
			try {
				ok = session.call();
			}
			catch (Exception ex) {
				Errors.report("call", ex);
				ok = false;
			}
			long end = System.nanoTime();
			if (begin >= measureFrom && end <= measureTo) {
				budget.decrementAndGet();
				histogram.recordValue(Math.min(end - begin, HIGHEST_NANOS));
				if (!ok) {
					errors.incrementAndGet();
				}
				lastEnd.accumulateAndGet(end, Math::max);
			}
		}
	}

}
