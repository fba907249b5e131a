package ai.physical.textbook.auth.config;

import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import ai.physical.textbook.auth.web.ProblemResponses;

/**
 * The JSON API of the auth-server ({@code /api/**}): bearer JWTs signed by this server's own keys (the
 * {@link JWKSource} bean, no HTTP round trip to its JWK set), stateless, no CSRF (no cookies are read). Problems are
 * RFC 9457 bodies. Policies ({@code self_profile}, {@code admin}) are applied by the controllers, which know the
 * resource.
 *
 * <p>Any {@code OAuth2TokenValidator<Jwt>} bean (for example a revoked-token check) is added to the issuer and
 * timestamp validation.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, JWKSource<SecurityContext> jwkSource,
			@Value("${textbook.issuer}") String issuer, ObjectProvider<OAuth2TokenValidator<Jwt>> extraValidators,
			ProblemResponses problems) throws Exception {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator());
		validators.add(new JwtIssuerValidator(issuer));
		// RFC 9068 access tokens say "at+jwt"; plain "JWT" (or no typ) is accepted from older issuers.
		JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt");
		type.setAllowEmpty(true);
		validators.add(type);
		extraValidators.orderedStream().forEach(validators::add);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> jwt.decoder(decoder))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

}
