package ai.physical.textbook.api.token;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import ai.physical.textbook.api.config.ResourceApiProperties;
import ai.physical.textbook.common.jwt.EcdsaVerifierFactory;
import ai.physical.textbook.common.jwt.VerifiedTokenCache;

/**
 * How access tokens are accepted: signed by a key of the auth-server's JWK set with an allowed algorithm, and valid
 * as RFC 9068 access tokens ({@code typ} {@code at+jwt}, issuer, audience {@code textbook-api}, expiry and the
 * required claims), then not revoked.
 */
@Configuration(proxyBeanMethods = false)
class TokenValidationConfig {

	@Bean
	AuthServerKeys authServerJwkSource(ResourceApiProperties properties) throws MalformedURLException {
		ResourceApiProperties.Jwt jwt = properties.jwt();
		// Keys are cached and refreshed ahead of their TTL; an unknown kid (a rotated key) triggers a refetch within
		// the rate limit, so a flood of tokens with made-up kids cannot turn into a flood of requests to the
		// auth-server, and a refused refetch means "no such key" (401), not an error.
		return new AuthServerKeys(URI.create(properties.jwkSetUri()).toURL(), jwt.jwkCacheTtl(),
				jwt.jwkRefreshMinInterval());
	}

	@Bean
	JwtDecoder jwtDecoder(AuthServerKeys authServerJwkSource, ResourceApiProperties properties,
			RevocationDenylist denylist) {
		return decoder(authServerJwkSource, properties, new NotRevokedValidator(denylist));
	}

	/**
	 * The decoder without Spring: the key source, the allowed algorithms and the RFC 9068 checks, verified tokens
	 * remembered ({@link VerifiedTokenCache}), the extra validator (the denylist) on every request, and key-source
	 * failures sorted into 503 and 401 ({@link UnavailabilityAwareJwtDecoder}).
	 */
	static JwtDecoder decoder(AuthServerKeys keys, ResourceApiProperties properties,
			OAuth2TokenValidator<Jwt> notRevoked) {
		List<SignatureAlgorithm> allowed = properties.jwt().algorithms().stream().map(SignatureAlgorithm::from).toList();
		if (allowed.contains(null) || allowed.isEmpty()) {
			throw new IllegalStateException("textbook.jwt.algorithms must list JWS signature algorithms such as "
					+ "RS256 or ES256, got " + properties.jwt().algorithms());
		}
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
			.jwsAlgorithms((algorithms) -> {
				algorithms.clear();
				algorithms.addAll(allowed);
			})
			.jwtProcessorCustomizer((processor) -> processor.setJWSVerifierFactory(new EcdsaVerifierFactory()))
			.build();
		decoder.setJwtValidator(JwtValidators.createAtJwtValidator()
			.issuer(properties.issuer())
			.audience(properties.jwt().audience())
			// Any client may call the API (the web reader, the tutor, labs); the claim must be present, though.
			.validators((validators) -> validators.put("client_id",
					new JwtClaimValidator<String>("client_id", (clientId) -> clientId != null && !clientId.isBlank())))
			.build());
		return new UnavailabilityAwareJwtDecoder(new VerifiedTokenCache(decoder, keys::currentSet, notRevoked,
				properties.jwt().verifiedTokenCacheSize(), Clock.systemUTC()));
	}

}
