package ai.physical.textbook.api.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Turns off Spring Security's own observations (one per filter, per authentication and per authorization decision).
 * They wrap every filter of every chain in an observation on every request, which the benchmarks measured as a large
 * share of the CPU of a token request and of the JIT's work on two cores; the HTTP server metrics
 * ({@code http.server.requests}) stay, and the application records its own audit and authorization events.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservationConfig {

	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

}
