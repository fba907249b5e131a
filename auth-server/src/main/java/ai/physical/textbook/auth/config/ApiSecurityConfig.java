package ai.physical.textbook.auth.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import ai.physical.textbook.auth.web.ProblemResponses;

/**
 * The JSON API of the auth-server ({@code /api/**}): bearer access tokens checked by the server's own
 * {@link JwtDecoder} (this server's keys without an HTTP round trip, {@code at+jwt}, issuer, audience, denylist),
 * stateless, no CSRF (no cookies are read). Problems are RFC 9457 bodies. Policies ({@code self_profile},
 * {@code admin}) are applied by the controllers, which know the resource.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder, ProblemResponses problems) throws Exception {
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
