package ai.physical.textbook.common.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The cache of verified tokens over a real RS256 verifier that counts its verifications: a hit skips verification,
 * but expiry and revocation are checked on every request; a new JWK set, a different token string or an unknown
 * key set means full verification; failures are never remembered.
 */
class VerifiedTokenCacheTests {

	private static final RSAKey KEY = generate();

	private final AtomicInteger verifications = new AtomicInteger();

	private final JwtDecoder countingVerifier = countingVerifier();

	private final AtomicReference<Object> keySet = new AtomicReference<>(new Object());

	private final AtomicReference<String> revokedJti = new AtomicReference<>();

	private final OAuth2TokenValidator<Jwt> notRevoked = (jwt) -> jwt.getId().equals(this.revokedJti.get())
			? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token has been revoked", null))
			: OAuth2TokenValidatorResult.success();

	private final MovableClock clock = new MovableClock();

	@Test
	void whenTheSameTokenComesAgainThenItIsNotVerifiedAgain() {
		VerifiedTokenCache cache = cache(16);
		String token = sign(Duration.ofMinutes(15));

		Jwt first = cache.decode(token);
		Jwt second = cache.decode(token);

		assertThat(this.verifications).hasValue(1);
		assertThat(second.getSubject()).isEqualTo(first.getSubject());
		assertThat(second.getTokenValue()).isEqualTo(token);
	}

	@Test
	void whenARememberedTokenIsRevokedThenItIsRejectedOnItsNextUse() {
		VerifiedTokenCache cache = cache(16);
		String token = sign(Duration.ofMinutes(15));
		Jwt jwt = cache.decode(token);

		this.revokedJti.set(jwt.getId());

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode(token))
			.withMessageContaining("revoked");
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void whenARememberedTokenHasExpiredThenItIsRejected() {
		VerifiedTokenCache cache = cache(16);
		String token = sign(Duration.ofMinutes(5));
		cache.decode(token);

		// Past the expiry and the validator's 60 s of allowed clock skew.
		this.clock.advance(Duration.ofMinutes(7));

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode(token))
			.withMessageContaining("expired");
	}

	@Test
	void whenTheJwkSetIsFetchedAgainThenRememberedTokensAreVerifiedAgain() {
		VerifiedTokenCache cache = cache(16);
		String token = sign(Duration.ofMinutes(15));
		cache.decode(token);

		this.keySet.set(new Object());
		cache.decode(token);
		cache.decode(token);

		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void whenTheKeySetIsUnknownThenNothingIsRemembered() {
		VerifiedTokenCache cache = cache(16);
		String token = sign(Duration.ofMinutes(15));
		this.keySet.set(null);

		cache.decode(token);
		cache.decode(token);

		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void whenATokenDiffersInItsSignatureThenItIsVerifiedAndRejected() {
		VerifiedTokenCache cache = cache(16);
		String token = sign(Duration.ofMinutes(15));
		cache.decode(token);
		int lastDot = token.lastIndexOf('.');
		char flipped = (token.charAt(lastDot + 1) == 'A') ? 'B' : 'A';
		String tampered = token.substring(0, lastDot + 1) + flipped + token.substring(lastDot + 2);

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode(tampered));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode(tampered));
		assertThat(this.verifications).hasValue(3);
	}

	@Test
	void whenTheSizeIsZeroThenEveryRequestIsVerified() {
		VerifiedTokenCache cache = cache(0);
		String token = sign(Duration.ofMinutes(15));

		cache.decode(token);
		cache.decode(token);

		assertThat(this.verifications).hasValue(2);
	}

	private VerifiedTokenCache cache(int size) {
		return new VerifiedTokenCache(this.countingVerifier, this.keySet::get, this.notRevoked, size, this.clock);
	}

	private JwtDecoder countingVerifier() {
		NimbusJwtDecoder nimbus;
		try {
			nimbus = NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return (token) -> {
			this.verifications.incrementAndGet();
			return nimbus.decode(token);
		};
	}

	private static String sign(Duration lifetime) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString())
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(lifetime)))
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(KEY));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID("test").generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The system clock, moved forward on demand. */
	private static final class MovableClock extends Clock {

		private volatile Duration offset = Duration.ZERO;

		void advance(Duration duration) {
			this.offset = this.offset.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.offset);
		}

	}

}
