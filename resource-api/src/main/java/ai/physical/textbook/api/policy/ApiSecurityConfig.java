package ai.physical.textbook.api.policy;

import java.time.Clock;

import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import ai.physical.textbook.api.config.ResourceApiProperties;
import ai.physical.textbook.api.problem.ProblemResponses;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * Two filter chains: the public one (demo reader page, its configuration, API description, health) and the API one,
 * where every endpoint is guarded by its {@link Policy} from {@link EndpointPolicy#ALL} and every other path by
 * {@code authenticated}.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

	/** Paths served without a token. */
	static final String[] PUBLIC_PATHS = { "/", "/index.html", "/callback.html", "/reader.js", "/reader.css",
			"/favicon.ico", "/demo-config.json", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
			"/actuator/health", "/actuator/health/**", "/actuator/prometheus" };

	@Bean
	@Order(1)
	SecurityFilterChain publicPages(HttpSecurity http, ResourceApiProperties properties) throws Exception {
		http.securityMatcher(PUBLIC_PATHS);
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll());
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		// Nothing here changes state (GET only), so there is nothing for CSRF to protect.
		http.csrf((csrf) -> csrf.disable());
		// The reader page may talk to itself and to the auth-server's token, revocation and userinfo endpoints only.
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(
				"default-src 'self'; connect-src 'self' " + properties.issuer() + "; img-src 'self' data:; "
						+ "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self' "
						+ properties.issuer() + "; base-uri 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, AuthorizationDecisionLog decisionLog, PolicyErrorHandlers errors)
			throws Exception {
		Clock clock = Clock.systemUTC();
		http.authorizeHttpRequests((authorize) -> {
			authorize.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
			for (EndpointPolicy endpoint : EndpointPolicy.ALL) {
				authorize.requestMatchers(endpoint.method(), endpoint.path())
					.access(new PolicyAuthorizationManager(endpoint.policy(), decisionLog, clock));
			}
			// Unknown paths: a valid token gets 404, no token 401 (nothing to learn without one).
			authorize.anyRequest().access(new PolicyAuthorizationManager(Policy.AUTHENTICATED, decisionLog, clock));
		});
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(withDefaults())
			.authenticationEntryPoint(errors)
			.accessDeniedHandler(errors));
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors));
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		// Bearer tokens are not sent automatically by browsers, so cross-site request forgery does not apply.
		http.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	PolicyErrorHandlers policyErrorHandlers(JsonMapper json, ResourceApiProperties properties,
			AuthorizationDecisionLog decisionLog) {
		return new PolicyErrorHandlers(new ProblemResponses(json), properties.issuer() + "/profile", decisionLog,
				Clock.systemUTC());
	}

}
