package ai.physical.textbook.auth.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Keeps registered clients in memory for a short time, so that the protocol endpoints do not read the client from
 * PostgreSQL on every request (the token endpoint looks a client up by client id, introspection and revocation also by
 * id: one to two SELECTs per request otherwise).
 *
 * <p>Why this is safe:
 * <ul>
 * <li>Clients change only through {@link RegisteredClientSynchronizer} at an instance's start, which saves through
 * this repository: {@link #save} drops the whole cache, so this instance sees the change at once.</li>
 * <li>Another instance started with a changed declaration writes the row directly; this instance sees it when its
 * entry expires, after at most the TTL ({@code textbook.client-cache-ttl}, 60 s by default). A rolling deployment
 * that changes a client (a new redirect URI, a rotated secret) takes effect on every instance within that time.</li>
 * <li>Only clients that exist are cached: an unknown client id is looked up in the database every time, so random
 * client ids cannot grow the cache, which holds at most two entries per registered client.</li>
 * <li>{@link RegisteredClient} is immutable, so one instance can be shared by concurrent requests.</li>
 * </ul>
 */
public final class CachingRegisteredClientRepository implements RegisteredClientRepository {

	private final RegisteredClientRepository delegate;

	private final Duration ttl;

	private final Clock clock;

	private final Map<String, Entry> byId = new ConcurrentHashMap<>();

	private final Map<String, Entry> byClientId = new ConcurrentHashMap<>();

	/** Bumped by every save: a read that started before a save must not put what it read into the cache. */
	private final AtomicLong generation = new AtomicLong();

	/**
	 * @param delegate where clients are stored
	 * @param ttl how long a client is served from memory; zero disables the cache
	 * @param clock the time source of the expiry
	 */
	public CachingRegisteredClientRepository(RegisteredClientRepository delegate, Duration ttl, Clock clock) {
		if (ttl.isNegative()) {
			throw new IllegalArgumentException("The client cache TTL must not be negative: " + ttl);
		}
		this.delegate = delegate;
		this.ttl = ttl;
		this.clock = clock;
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		this.generation.incrementAndGet();
		try {
			this.delegate.save(registeredClient);
		}
		finally {
			// After the write as well, so that a read racing with the save cannot keep the old version.
			invalidateAll();
		}
	}

	@Override
	public RegisteredClient findById(String id) {
		return cached(this.byId, id, () -> this.delegate.findById(id));
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return cached(this.byClientId, clientId, () -> this.delegate.findByClientId(clientId));
	}

	/** Drops every cached client (the next lookups read the database). */
	public void invalidateAll() {
		synchronized (this.generation) {
			this.generation.incrementAndGet();
			this.byId.clear();
			this.byClientId.clear();
		}
	}

	private RegisteredClient cached(Map<String, Entry> cache, String key, Supplier<RegisteredClient> load) {
		if (key == null || this.ttl.isZero()) {
			return load.get();
		}
		Instant now = this.clock.instant();
		Entry entry = cache.get(key);
		if (entry != null && now.isBefore(entry.expiresAt())) {
			return entry.client();
		}
		long before = this.generation.get();
		RegisteredClient client = load.get();
		if (client == null) {
			cache.remove(key);
			return null;
		}
		// Checked and put under the lock invalidateAll takes, so a save cannot slip in between.
		synchronized (this.generation) {
			if (this.generation.get() == before) {
				cache.put(key, new Entry(client, now.plus(this.ttl)));
			}
		}
		return client;
	}

	private record Entry(RegisteredClient client, Instant expiresAt) {
	}

}
