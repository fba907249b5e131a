package ai.physical.textbook.auth.revocation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the Redis copy of the denylist complete. Readers trust a Redis miss only while the marker key
 * {@code textbook:revoked:synced} exists; Redis that restarted empty has no marker, and neither has one that never
 * saw this job. Every run costs one {@code EXISTS} while the marker is there. When it is missing, or when a revocation
 * could not be written to Redis since the last run, the job copies every live row of {@code identity.revoked_tokens}
 * to {@code textbook:revoked:jti:<jti>} with the remaining lifetime as TTL (pipelined, in batches), then sets the
 * marker.
 *
 * <p>Safe on several instances without a lock: every instance writes the same keys with the same values, and the
 * marker only says "everything in PostgreSQL is in Redis", which each instance establishes by itself.
 */
@Component
public class DenylistResync {

	/** The marker key (no TTL): the Redis denylist holds every live revocation. Contract in docs/architecture.md. */
	public static final String SYNCED_MARKER = "textbook:revoked:synced";

	static final int BATCH = 500;

	private static final Logger logger = LoggerFactory.getLogger(DenylistResync.class);

	private final JdbcClient jdbc;

	private final StringRedisTemplate redis;

	private final Clock clock = Clock.systemUTC();

	private final AtomicBoolean writeFailed = new AtomicBoolean();

	private volatile boolean lastRunFailed;

	DenylistResync(JdbcClient jdbc, StringRedisTemplate redis) {
		this.jdbc = jdbc;
		this.redis = redis;
	}

	/** Called when a revocation could not be written to Redis: the next run copies the whole denylist again. */
	void resyncNeeded() {
		this.writeFailed.set(true);
	}

	@Scheduled(initialDelayString = "${textbook.revocation.resync-interval-ms:2000}",
			fixedDelayString = "${textbook.revocation.resync-interval-ms:2000}")
	void scheduled() {
		try {
			int copied = resyncIfNeeded();
			if (copied >= 0) {
				logger.info("Copied {} live revocation(s) from PostgreSQL to Redis", copied);
			}
			this.lastRunFailed = false;
		}
		catch (RuntimeException ex) {
			// Redis (or PostgreSQL) is down: readers use PostgreSQL meanwhile. Say it once per outage, not every run.
			if (!this.lastRunFailed) {
				logger.warn("Cannot check or copy the denylist to Redis; retrying every run: {}", ex.toString());
			}
			this.lastRunFailed = true;
		}
	}

	/**
	 * Copies the denylist to Redis when the marker is missing or a Redis write failed since the last run.
	 * @return how many revocations were copied, or -1 when Redis was already complete
	 * @throws RuntimeException when Redis or PostgreSQL cannot be used (a later run tries again)
	 */
	int resyncIfNeeded() {
		boolean forced = this.writeFailed.getAndSet(false);
		try {
			if (!forced && Boolean.TRUE.equals(this.redis.hasKey(SYNCED_MARKER))) {
				return -1;
			}
			return copyAll();
		}
		catch (RuntimeException ex) {
			if (forced) {
				this.writeFailed.set(true);
			}
			throw ex;
		}
	}

	private int copyAll() {
		String runId = redisRunId();
		int copied = 0;
		List<LiveRevocation> batch = new ArrayList<>(BATCH);
		// The remaining lifetime is computed by PostgreSQL, the clock that wrote expires_at.
		try (Stream<LiveRevocation> rows = this.jdbc.sql("""
				SELECT token_id, reason,
				       CEIL(EXTRACT(EPOCH FROM (expires_at - now())) * 1000)::bigint AS ttl_ms
				FROM identity.revoked_tokens
				WHERE expires_at > now()
				""")
			.query((rs, rowNum) -> new LiveRevocation(rs.getString("token_id"), rs.getString("reason"),
					rs.getLong("ttl_ms")))
			.stream()) {
			for (LiveRevocation row : (Iterable<LiveRevocation>) rows::iterator) {
				batch.add(row);
				if (batch.size() == BATCH) {
					copied += write(batch);
					batch.clear();
				}
			}
		}
		copied += write(batch);
		// A Redis that restarted (empty) while we copied must not get the marker: the next run copies again.
		if (!Objects.equals(runId, redisRunId())) {
			throw new IllegalStateException("Redis restarted while the denylist was being copied");
		}
		this.redis.opsForValue().set(SYNCED_MARKER, this.clock.instant().toString());
		return copied;
	}

	private int write(List<LiveRevocation> batch) {
		if (batch.isEmpty()) {
			return 0;
		}
		this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			for (LiveRevocation row : batch) {
				connection.stringCommands()
					.pSetEx(bytes(AccessTokenDenylist.REDIS_PREFIX + row.jti()), row.ttlMillis(), bytes(row.reason()));
			}
			return null;
		});
		return batch.size();
	}

	private String redisRunId() {
		return this.redis.execute((RedisCallback<String>) (connection) -> {
			var server = connection.serverCommands().info("server");
			return (server != null) ? server.getProperty("run_id") : null;
		});
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private record LiveRevocation(String jti, String reason, long ttlMillis) {
	}

}
