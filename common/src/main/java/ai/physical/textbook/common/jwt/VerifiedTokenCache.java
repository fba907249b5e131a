package ai.physical.textbook.common.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers access tokens that passed verification, so that a reader's next requests with the same token skip the
 * signature check, the parsing and the claim checks that cannot change (issuer, audience, type, algorithm). A reader
 * sends one token for its whole lifetime, and on a hit these were most of a request's CPU (JFR: Base64, the JSON
 * parser and the RSA arithmetic). What can change is checked on every request, hit or not: the expiry and
 * not-before times, and the checks given as {@code everyRequest} (the denylist).
 *
 * <p>A remembered token is tied to the JWK set it was verified against: when the set is fetched again (every
 * refresh, a rotation, or a key withdrawn by the auth-server), every token is verified anew on its next use, so a
 * withdrawn key stops working exactly when it would without this cache. The key is the whole compact token, so a
 * token differing in any character (a tampered signature included) is a different entry and goes through full
 * verification; failures are never remembered. Entries leave the cache when their token expires, or the least
 * recently used first when it is full.
 */
public final class VerifiedTokenCache implements JwtDecoder {

	private final JwtDecoder verifier;

	private final Supplier<Object> keySet;

	private final OAuth2TokenValidator<Jwt> stillInTime;

	private final OAuth2TokenValidator<Jwt> everyRequest;

	private final Cache<String, Verified> verified;

	/**
	 * @param verifier the full verification: signature, algorithm, type and every claim check, expiry included
	 * @param keySet the JWK set in use now, as an object that is replaced when the set is fetched again; {@code null}
	 * when it cannot be told (nothing is remembered then)
	 * @param everyRequest checks that can change between two uses of a token (the denylist): run after every
	 * verification and on every hit
	 * @param maximumSize how many tokens are remembered; 0 remembers none
	 * @param clock the clock of the expiry checks of a hit
	 */
	public VerifiedTokenCache(JwtDecoder verifier, Supplier<Object> keySet, OAuth2TokenValidator<Jwt> everyRequest,
			int maximumSize, Clock clock) {
		this.verifier = verifier;
		this.keySet = keySet;
		this.everyRequest = everyRequest;
		JwtTimestampValidator timestamps = new JwtTimestampValidator();
		timestamps.setClock(clock);
		this.stillInTime = timestamps;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(new UntilTheTokenExpires(clock))
			// Housekeeping on the calling thread: no work handed to the common pool of a 2-core machine.
			.executor(Runnable::run)
			.build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		// Read before verifying: if the set changes meanwhile, the entry names the older set and is verified again.
		Object currentKeySet = this.keySet.get();
		Verified remembered = this.verified.getIfPresent(token);
		Jwt jwt;
		if (remembered != null && currentKeySet != null && remembered.keySet() == currentKeySet) {
			jwt = remembered.jwt();
			requireValid(this.stillInTime.validate(jwt));
		}
		else {
			jwt = this.verifier.decode(token);
			if (currentKeySet != null) {
				this.verified.put(token, new Verified(jwt, currentKeySet));
			}
		}
		requireValid(this.everyRequest.validate(jwt));
		return jwt;
	}

	/** The same exception and message as Spring's {@code NimbusJwtDecoder} for a failed validator. */
	private static void requireValid(OAuth2TokenValidatorResult result) {
		if (!result.hasErrors()) {
			return;
		}
		Collection<OAuth2Error> errors = result.getErrors();
		String description = errors.stream()
			.map(OAuth2Error::getDescription)
			.filter((text) -> text != null && !text.isEmpty())
			.findFirst()
			.orElse("Unable to validate Jwt");
		throw new JwtValidationException("An error occurred while attempting to decode the Jwt: " + description,
				errors);
	}

	private record Verified(Jwt jwt, Object keySet) {
	}

	/** An entry lives until its token's {@code exp}; a hit after that would fail the expiry check anyway. */
	private static final class UntilTheTokenExpires implements Expiry<String, Verified> {

		private final Clock clock;

		UntilTheTokenExpires(Clock clock) {
			this.clock = clock;
		}

		@Override
		public long expireAfterCreate(String token, Verified verified, long currentTime) {
			Instant expiresAt = verified.jwt().getExpiresAt();
			if (expiresAt == null) {
				return 0;
			}
			return Math.max(0, Duration.between(this.clock.instant(), expiresAt).toNanos());
		}

		@Override
		public long expireAfterUpdate(String token, Verified verified, long currentTime, long currentDuration) {
			return expireAfterCreate(token, verified, currentTime);
		}

		@Override
		public long expireAfterRead(String token, Verified verified, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
