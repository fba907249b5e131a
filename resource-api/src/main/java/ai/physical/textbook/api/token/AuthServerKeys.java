package ai.physical.textbook.api.token;

import java.io.Closeable;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.jwk.source.RateLimitedJWKSetSource;
import com.nimbusds.jose.jwk.source.RefreshAheadCachingJWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auth-server's public keys, fetched from its JWK set URI and cached.
 *
 * <p>Nimbus's layers do the work: a cache (refreshed ahead of its TTL, in the background, so rotations published by
 * the auth-server arrive without any request waiting) over a rate limiter (at most two fetches per interval: one for
 * the background refresh, one for a new {@code kid}) over the HTTP fetch. What differs from Nimbus's own
 * {@code JWKSetBasedJWKSource} is the answer to a token whose {@code kid} is not in the cached set while the rate
 * limiter refuses a refetch: the set was fetched moments ago, so the key is unknown, and the answer is "no key" (the
 * token is rejected, 401) instead of an exception that Spring Security reports as a server error. An issuer that
 * cannot be reached when a fetch is needed still throws ({@link KeySourceException}), which the decoder turns into
 * "temporarily unavailable" (503).
 */
final class AuthServerKeys implements JWKSource<SecurityContext>, Closeable {

	private static final Logger logger = LoggerFactory.getLogger(AuthServerKeys.class);

	/** The auth-server answers its JWK set from memory; a slow answer means it is in trouble. */
	private static final int CONNECT_TIMEOUT_MS = 1000;

	private static final int READ_TIMEOUT_MS = 2000;

	private static final int SIZE_LIMIT_BYTES = 50 * 1024;

	/** How long a request may wait for a fetch started by another request. */
	private static final long REFRESH_WAIT_MS = 5000;

	private final JWKSetSource<SecurityContext> source;

	/**
	 * @param jwkSetUrl where the auth-server publishes its keys
	 * @param ttl how long a fetched set is trusted; refreshed in the background before it runs out
	 * @param minRefetchInterval the rate limiter's interval (two fetches per interval at most)
	 */
	AuthServerKeys(URL jwkSetUrl, Duration ttl, Duration minRefetchInterval) {
		long ttlMs = ttl.toMillis();
		long intervalMs = minRefetchInterval.toMillis();
		if (intervalMs >= ttlMs) {
			throw new IllegalStateException("textbook.jwt.jwk-refresh-min-interval (" + minRefetchInterval
					+ ") must be shorter than textbook.jwt.jwk-cache-ttl (" + ttl + ")");
		}
		long refreshWaitMs = Math.min(REFRESH_WAIT_MS, ttlMs / 4);
		// Refresh in the background during the last quarter of the TTL (Nimbus needs ahead + wait <= TTL).
		long refreshAheadMs = ttlMs / 4;
		JWKSetSource<SecurityContext> fetch = new URLBasedJWKSetSource<>(jwkSetUrl,
				new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, SIZE_LIMIT_BYTES));
		this.source = new RefreshAheadCachingJWKSetSource<>(new RateLimitedJWKSetSource<>(fetch, intervalMs, null),
				ttlMs, refreshWaitMs, refreshAheadMs, false, null);
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
		long now = System.currentTimeMillis();
		// The cached set, fetched first when there is none or it has expired (which may throw: issuer unreachable).
		JWKSet cached = this.source.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, context);
		List<JWK> keys = selector.select(cached);
		if (!keys.isEmpty()) {
			return keys;
		}
		try {
			// An unknown kid may be a key the auth-server just rotated in: fetch again unless a request already did.
			JWKSet fresh = this.source.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(cached), now,
					context);
			return selector.select(fresh);
		}
		catch (RateLimitReachedException ex) {
			logger.debug("Unknown key and the JWK set was fetched moments ago: no key");
			return List.of();
		}
	}

	/**
	 * @return the cached set, the same instance until the set is fetched again; {@code null} when there is none and
	 * the issuer cannot be reached (the decoder then reports that itself)
	 */
	Object currentSet() {
		try {
			return this.source.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), System.currentTimeMillis(), null);
		}
		catch (KeySourceException ex) {
			return null;
		}
	}

	@Override
	public void close() throws IOException {
		this.source.close();
	}

}
