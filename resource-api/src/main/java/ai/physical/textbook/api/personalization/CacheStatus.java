package ai.physical.textbook.api.personalization;

/**
 * How a context was obtained; sent as the {@code X-Personalization-Cache} response header.
 */
enum CacheStatus {

	/** Served from the cache: same profile claims as when it was built. */
	HIT,

	/** Nothing cached: built now and cached. */
	MISS,

	/** Cached for other profile claims (the profile changed): rebuilt now and cached. */
	STALE,

	/** Rebuilt on request (POST /refresh) and cached. */
	REFRESHED,

	/** Redis unavailable: built now, not cached. */
	UNAVAILABLE

}
