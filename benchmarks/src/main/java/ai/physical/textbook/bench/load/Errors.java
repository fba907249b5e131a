package ai.physical.textbook.bench.load;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints the first few failures of a run in full (so a broken flow is diagnosed from the log) and counts the rest.
 */
final class Errors {

	private static final int PRINTED = 5;

	private static final AtomicInteger SEEN = new AtomicInteger();

	private Errors() {
	}

	static void report(String where, Exception ex) {
		if (SEEN.incrementAndGet() <= PRINTED) {
			System.err.println("[" + where + "] " + ex);
		}
	}

	static void report(String where, String message) {
		if (SEEN.incrementAndGet() <= PRINTED) {
			System.err.println("[" + where + "] " + message);
		}
	}

	static int seen() {
		return SEEN.get();
	}

}
