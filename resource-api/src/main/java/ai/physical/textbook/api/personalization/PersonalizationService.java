package ai.physical.textbook.api.personalization;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

import ai.physical.textbook.api.catalog.ContentCatalog;

/**
 * Seed P4-T7: builds a reader's personalization context from their token, with the cache (P4-T8) in front and the
 * preferences written through to the database (P4-T6).
 */
@Service
class PersonalizationService {

	/** Part of every fingerprint, so that a change of the rules (a new version) invalidates cached contexts. */
	private static final String RULES_VERSION = "rules-1";

	private static final Logger logger = LoggerFactory.getLogger(PersonalizationService.class);

	private final ContentCatalog catalog;

	private final ContextCache cache;

	private final PreferencesRepository preferences;

	private final JsonMapper json;

	private final Clock clock = Clock.systemUTC();

	PersonalizationService(ContentCatalog catalog, ContextCache cache, PreferencesRepository preferences,
			JsonMapper json) {
		this.catalog = catalog;
		this.cache = cache;
		this.preferences = preferences;
		this.json = json;
	}

	/**
	 * The reader's context: the cached one when it was built from the same profile claims, else a fresh one. A cache
	 * hit is one Redis GET and nothing else: no database access, no write.
	 * @param token the reader's validated access token (with a complete profile)
	 */
	Result context(Jwt token) {
		ReaderProfile profile = ReaderProfile.fromToken(token);
		String fingerprint = fingerprint(profile);
		ContextCache.Lookup lookup = this.cache.get(profile.userId());
		if (lookup.status() == CacheStatus.HIT && fingerprint.equals(lookup.context().profileFingerprint())) {
			return new Result(lookup.context(), CacheStatus.HIT);
		}
		CacheStatus status = switch (lookup.status()) {
			case HIT -> CacheStatus.STALE;
			case UNAVAILABLE -> CacheStatus.UNAVAILABLE;
			default -> CacheStatus.MISS;
		};
		return new Result(buildAndStore(profile, fingerprint, status != CacheStatus.UNAVAILABLE), status);
	}

	/**
	 * Rebuilds the reader's context regardless of the cache (seed P4-T10 refresh).
	 * @param token the reader's validated access token (with a complete profile)
	 */
	Result refresh(Jwt token) {
		ReaderProfile profile = ReaderProfile.fromToken(token);
		this.cache.evict(profile.userId());
		return new Result(buildAndStore(profile, fingerprint(profile), true), CacheStatus.REFRESHED);
	}

	/** Builds a context without touching the cache or the database (pure; used by tests and benchmarks). */
	PersonalizationContext build(ReaderProfile profile) {
		Expertise expertise = ExpertiseMapping.map(profile);
		ContentPreferences contentPreferences = ContentPreferencesBuilder.build(expertise);
		UiAdaptations ui = UiAdaptationsBuilder.build(expertise);
		LearningPath path = LearningPathGenerator.generate(expertise, contentPreferences, this.catalog);
		Recommendations recommendations = Recommender.recommend(expertise, contentPreferences, ui, path, this.catalog);
		return new PersonalizationContext(profile.userId(), fingerprint(profile), this.clock.instant(), expertise, path,
				contentPreferences, ui, recommendations);
	}

	/**
	 * Builds the context, stores its preferences when they differ from the stored ones (the same claims give the same
	 * preferences, so a rebuild usually writes nothing) and caches it.
	 */
	private PersonalizationContext buildAndStore(ReaderProfile profile, String fingerprint, boolean cache) {
		PersonalizationContext context = build(profile);
		try {
			this.preferences.storeIfChanged(profile.userId(), context.contentPreferences());
		}
		catch (DataAccessException ex) {
			// The context is still right without the stored copy; the next build writes it again.
			logger.warn("Could not store the preferences of {}: {}", profile.userId(), ex.getMessage());
		}
		if (cache) {
			this.cache.put(context);
		}
		return Objects.requireNonNull(context);
	}

	/** A hash of the profile claims the context depends on. */
	String fingerprint(ReaderProfile profile) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(RULES_VERSION.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			sha256.update(this.json.writeValueAsBytes(profile));
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JRE", ex);
		}
	}

	/**
	 * @param context the context
	 * @param cacheStatus how it was obtained
	 */
	record Result(PersonalizationContext context, CacheStatus cacheStatus) {
	}

}
