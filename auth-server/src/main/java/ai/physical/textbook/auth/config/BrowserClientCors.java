package ai.physical.textbook.auth.config;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for browser clients (the textbook web app), only on the endpoints such a client calls from JavaScript: token,
 * revocation and userinfo. Never on {@code /oauth2/authorize}, the pages or the JSON API: those are navigated to, or
 * called with bearer tokens from servers. Runs before Spring Security so that preflight requests are answered
 * without authentication.
 */
@Configuration(proxyBeanMethods = false)
class BrowserClientCors {

	static final List<String> BROWSER_ENDPOINTS = List.of("/oauth2/token", "/oauth2/revoke", "/userinfo");

	@Bean
	FilterRegistrationBean<CorsFilter> browserClientCorsFilter(
			@Value("${textbook.cors.allowed-origins:http://localhost:8081}") List<String> allowedOrigins) {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(allowedOrigins.stream().map(String::strip).filter((o) -> !o.isEmpty()).toList());
		configuration.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
		configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "DPoP"));
		// Tokens travel in bodies and Authorization headers, never in cookies: no credentials mode.
		configuration.setAllowCredentials(false);
		configuration.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		BROWSER_ENDPOINTS.forEach((path) -> source.registerCorsConfiguration(path, configuration));
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
		registration.setUrlPatterns(BROWSER_ENDPOINTS);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
