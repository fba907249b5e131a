package ai.physical.textbook.api.policy;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Writes authorization decisions to {@code personalization.authz_logs} in batches from one background thread, so a
 * request pays for a queue insertion, not a database round trip.
 *
 * <p>Lossless by construction: the queue is bounded, and when it is full the request waits for room instead of
 * dropping a decision; a batch that fails to write is kept and retried with backoff; on shutdown (after the web server
 * has stopped taking requests) everything still queued is written before the data source closes.
 */
final class BatchingAuthorizationDecisionLog implements AuthorizationDecisionLog, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(BatchingAuthorizationDecisionLog.class);

	private static final String INSERT = """
			INSERT INTO personalization.authz_logs
			    (user_id, subject, resource, action, policy, authorized, code, "timestamp")
			VALUES (:userId, :subject, :resource, :action, :policy, :authorized, :code, :timestamp)
			""";

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	private final NamedParameterJdbcTemplate jdbc;

	private final BlockingQueue<AuthorizationLogEntry> queue;

	private final int batchSize;

	private final Duration flushInterval;

	private final AtomicLong enqueued = new AtomicLong();

	private final AtomicLong written = new AtomicLong();

	private volatile boolean running;

	private Thread writer;

	BatchingAuthorizationDecisionLog(NamedParameterJdbcTemplate jdbc, int batchSize, Duration flushInterval,
			int queueCapacity) {
		this.jdbc = jdbc;
		this.batchSize = batchSize;
		this.flushInterval = flushInterval;
		this.queue = new LinkedBlockingQueue<>(queueCapacity);
	}

	@Override
	public void record(AuthorizationLogEntry decision) {
		this.enqueued.incrementAndGet();
		try {
			this.queue.put(decision);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			// Cannot wait for room: write this one decision on the caller's thread rather than lose it.
			writeWithRetry(List.of(decision), 3);
		}
	}

	/**
	 * Waits until every decision recorded before this call is stored (for tests and orderly shutdown).
	 * @param timeout the longest to wait
	 * @return whether everything was written in time
	 */
	boolean awaitWritten(Duration timeout) throws InterruptedException {
		long target = this.enqueued.get();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.written.get() < target) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(10);
		}
		return true;
	}

	@Override
	public void start() {
		this.running = true;
		this.writer = new Thread(this::writeLoop, "authz-log-writer");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	@Override
	public void stop() {
		// No interrupt: the writer finishes the batch in hand and notices within one flush interval.
		this.running = false;
		try {
			this.writer.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		List<AuthorizationLogEntry> rest = new ArrayList<>();
		this.queue.drainTo(rest);
		if (!rest.isEmpty()) {
			writeWithRetry(rest, 3);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops after the web server (which stops at a higher phase), so no request records after the final drain. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private void writeLoop() {
		List<AuthorizationLogEntry> batch = new ArrayList<>(this.batchSize);
		while (this.running) {
			try {
				AuthorizationLogEntry first = this.queue.poll(this.flushInterval.toMillis(), TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, this.batchSize - 1);
				writeWithRetry(batch, Integer.MAX_VALUE);
				batch.clear();
			}
			catch (InterruptedException ex) {
				// stop() interrupts to end the loop; a batch in hand is written by writeWithRetry or stop().
				if (!batch.isEmpty()) {
					writeWithRetry(batch, 3);
					batch.clear();
				}
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void writeWithRetry(List<AuthorizationLogEntry> batch, int attempts) {
		Duration backoff = Duration.ofMillis(100);
		for (int attempt = 1;; attempt++) {
			try {
				this.jdbc.batchUpdate(INSERT, batch.stream().map(BatchingAuthorizationDecisionLog::parameters)
					.toArray(SqlParameterSource[]::new));
				this.written.addAndGet(batch.size());
				return;
			}
			catch (RuntimeException ex) {
				if (attempt >= attempts) {
					logger.error("Could not write {} authorization decisions after {} attempts: {}", batch.size(),
							attempt, batch, ex);
					return;
				}
				logger.warn("Writing {} authorization decisions failed (attempt {}), retrying in {} ms: {}",
						batch.size(), attempt, backoff.toMillis(), ex.getMessage());
				if (!sleep(backoff)) {
					attempts = Math.min(attempts, attempt + 2);
				}
				backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
			}
		}
	}

	private static boolean sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static SqlParameterSource parameters(AuthorizationLogEntry decision) {
		return new MapSqlParameterSource().addValue("userId", decision.userId())
			.addValue("subject", decision.subject())
			.addValue("resource", truncate(decision.resource(), 255))
			.addValue("action", decision.action())
			.addValue("policy", decision.policy())
			.addValue("authorized", decision.authorized())
			.addValue("code", decision.code())
			.addValue("timestamp", Timestamp.from(decision.timestamp()));
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
