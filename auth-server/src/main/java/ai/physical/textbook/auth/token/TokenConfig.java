package ai.physical.textbook.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.transaction.support.TransactionTemplate;

import ai.physical.textbook.auth.key.SigningKeyJwtEncoder;
import ai.physical.textbook.auth.key.SigningKeys;
import ai.physical.textbook.common.jwt.EcdsaVerifierFactory;
import ai.physical.textbook.common.jwt.VerifiedTokenCache;

/**
 * Authorization and consent storage, and the token generator: JWT access and ID tokens signed with the current key,
 * customized by every {@code OAuth2TokenCustomizer<JwtEncodingContext>} bean in order, plus opaque refresh tokens.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfig {

	@Bean
	HashedAuthorizationService authorizationService(AuthorizationRepository repository,
			TransactionTemplate transactions, ApplicationEventPublisher events) {
		return new HashedAuthorizationService(repository, transactions, events, Clock.systemUTC());
	}

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(JdbcClient jdbc,
			@Value("${textbook.tokens.consent-ttl:365d}") Duration consentTtl) {
		return new HashedConsentService(jdbc, consentTtl, Clock.systemUTC());
	}

	@Bean
	OAuth2TokenGenerator<?> tokenGenerator(SigningKeys signingKeys,
			ObjectProvider<OAuth2TokenCustomizer<JwtEncodingContext>> customizers) {
		List<OAuth2TokenCustomizer<JwtEncodingContext>> ordered = customizers.orderedStream().toList();
		JwtGenerator jwtGenerator = new JwtGenerator(new SigningKeyJwtEncoder(signingKeys));
		jwtGenerator.setJwtCustomizer((context) -> ordered.forEach((customizer) -> customizer.customize(context)));
		return new DelegatingOAuth2TokenGenerator(jwtGenerator, new AbsoluteRefreshTokenGenerator(Clock.systemUTC()));
	}

	/**
	 * Validates this server's own access tokens (userinfo, JSON API) against the same keys, without an HTTP round
	 * trip, as RFC 9068 access tokens: {@code typ at+jwt}, this issuer, audience {@code textbook-api}. (Spring's
	 * default validators accept only {@code typ JWT}; resource servers must do the same as here.) A verified token is
	 * remembered until the keys are reloaded ({@link VerifiedTokenCache}); expiry and the checks of the features
	 * that own them (the revoked-token denylist) run on every request.
	 */
	@Bean
	JwtDecoder jwtDecoder(SigningKeys signingKeys, @Value("${textbook.issuer}") String issuer,
			@Value("${textbook.tokens.verified-cache-size:2048}") int verifiedCacheSize,
			ObjectProvider<OAuth2TokenValidator<Jwt>> everyRequest) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(signingKeys)
			.jwsAlgorithms((algorithms) -> algorithms.addAll(Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256)))
			.jwtProcessorCustomizer((processor) -> processor.setJWSVerifierFactory(new EcdsaVerifierFactory()))
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(new JwtTypeValidator("at+jwt"),
				new JwtIssuerValidator(issuer), new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						(audience) -> audience != null && audience.contains(AccessTokenClaimsCustomizer.API_AUDIENCE)))));
		return new VerifiedTokenCache(decoder, signingKeys::published,
				new DelegatingOAuth2TokenValidator<>(everyRequest.orderedStream().toList()), verifiedCacheSize,
				Clock.systemUTC());
	}

}
