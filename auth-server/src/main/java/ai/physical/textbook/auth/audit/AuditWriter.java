package ai.physical.textbook.auth.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes audit events off the request thread, in batches, without ever dropping one.
 *
 * <ul>
 * <li>Publishers only enqueue; one writer thread drains the queue and inserts up to {@code batchSize} rows per
 * statement batch.</li>
 * <li>When the queue is full, the publishing thread writes its event itself (back-pressure instead of loss).</li>
 * <li>A failed batch is kept and retried after a back-off while the application runs.</li>
 * <li>On shutdown the writer stops after the web server (lower phase), then flushes whatever is queued on the
 * stopping thread; events published after that are written synchronously.</li>
 * </ul>
 */
@Component
class AuditWriter implements SmartLifecycle {

	/** Stops after the web server (graceful shutdown), before the data source closes. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	static final long POLL_MILLIS = 200;

	private static final Logger logger = LoggerFactory.getLogger(AuditWriter.class);

	private final AuditRepository repository;

	private final AuditProperties properties;

	private final BlockingQueue<Object> queue;

	private volatile boolean running;

	private Thread worker;

	AuditWriter(AuditRepository repository, AuditProperties properties) {
		this.repository = repository;
		this.properties = properties;
		this.queue = new LinkedBlockingQueue<>(properties.queueCapacity());
	}

	@EventListener
	void on(AuthEvent event) {
		enqueue(event);
	}

	@EventListener
	void on(DataChangeEvent event) {
		enqueue(event);
	}

	@EventListener
	void on(AuthzEvent event) {
		enqueue(event);
	}

	private void enqueue(Object event) {
		if (!this.running || !this.queue.offer(event)) {
			// Not running (starting up or shut down) or full: the caller pays, nothing is lost.
			write(List.of(event));
		}
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.worker = new Thread(this::drainLoop, "audit-writer");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		// No interrupt: an interrupted thread cannot borrow a pooled connection, and the batch in hand would be lost.
		// The worker notices within one poll interval and finishes the batch it holds.
		this.running = false;
		try {
			this.worker.join(TimeUnit.SECONDS.toMillis(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		flush();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** Writes everything queued now, on the calling thread. */
	void flush() {
		List<Object> batch = new ArrayList<>();
		while (this.queue.drainTo(batch, this.properties.batchSize()) > 0) {
			write(batch);
			batch.clear();
		}
	}

	/** Events waiting to be written (for tests and metrics). */
	int pending() {
		return this.queue.size();
	}

	private void drainLoop() {
		List<Object> batch = new ArrayList<>();
		while (this.running) {
			try {
				Object first = this.queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, this.properties.batchSize() - 1);
				writeWithRetry(batch);
				batch.clear();
			}
			catch (InterruptedException ex) {
				// Not expected (stop() does not interrupt); never leave a batch behind.
				write(batch);
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void writeWithRetry(List<Object> batch) throws InterruptedException {
		while (true) {
			try {
				insert(batch);
				return;
			}
			catch (RuntimeException ex) {
				if (!this.running || !isTransient(ex)) {
					// A row the database refuses would block the queue forever: write one by one instead.
					write(batch);
					return;
				}
				logger.warn("Writing {} audit events failed, retrying in {}: {}", batch.size(),
						this.properties.retryBackoff(), ex.getMessage());
				Thread.sleep(this.properties.retryBackoff().toMillis());
			}
		}
	}

	private static boolean isTransient(RuntimeException ex) {
		return ex instanceof DataAccessResourceFailureException || ex instanceof TransientDataAccessException
				|| ex instanceof RecoverableDataAccessException;
	}

	/**
	 * Final write attempt. A batch the database refuses is retried one event at a time, so one bad row cannot take
	 * the others with it; an event that still fails goes to the log at error level rather than vanish.
	 */
	private void write(List<Object> events) {
		if (events.isEmpty()) {
			return;
		}
		// A publisher's thread may carry an interrupt flag; it must not make the connection pool refuse this write.
		boolean interrupted = Thread.interrupted();
		try {
			insert(events);
		}
		catch (RuntimeException ex) {
			if (events.size() > 1) {
				events.forEach((event) -> write(List.of(event)));
			}
			else {
				logger.error("Could not write an audit event to the database; recording it here instead: {}",
						events.get(0), ex);
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void insert(List<Object> events) {
		List<AuthEvent> auth = new ArrayList<>();
		List<DataChangeEvent> changes = new ArrayList<>();
		List<AuthzEvent> authz = new ArrayList<>();
		for (Object event : events) {
			if (event instanceof AuthEvent authEvent) {
				auth.add(authEvent);
			}
			else if (event instanceof DataChangeEvent change) {
				changes.add(change);
			}
			else if (event instanceof AuthzEvent decision) {
				authz.add(decision);
			}
		}
		this.repository.insertAll(auth, changes, authz);
	}

}
