package ai.physical.textbook.auth.session;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Registers, right after Spring Session's filter, the filter that keeps sessions out of the back-channel endpoints,
 * then the absolute session timeout.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

	@Bean
	FilterRegistrationBean<BackChannelSessionFilter> backChannelSessionFilter(AuthorizationServerSettings settings) {
		FilterRegistrationBean<BackChannelSessionFilter> registration = new FilterRegistrationBean<>(
				new BackChannelSessionFilter(backChannel(settings)));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		return registration;
	}

	/**
	 * Endpoints that authenticate a client or a bearer token. Not the authorization, device verification and logout
	 * endpoints, which work on the browser's user.
	 */
	static RequestMatcher backChannel(AuthorizationServerSettings settings) {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return new OrRequestMatcher(paths.matcher(HttpMethod.POST, settings.getTokenEndpoint()),
				paths.matcher(HttpMethod.POST, settings.getTokenRevocationEndpoint()),
				paths.matcher(HttpMethod.POST, settings.getTokenIntrospectionEndpoint()),
				paths.matcher(HttpMethod.POST, settings.getDeviceAuthorizationEndpoint()),
				paths.matcher(settings.getJwkSetEndpoint()), paths.matcher(settings.getOidcUserInfoEndpoint()),
				paths.matcher("/.well-known/**"), paths.matcher("/api/**"), paths.matcher("/actuator/**"));
	}

	@Bean
	FilterRegistrationBean<AbsoluteSessionTimeoutFilter> absoluteSessionTimeoutFilter(SessionProperties properties) {
		FilterRegistrationBean<AbsoluteSessionTimeoutFilter> registration = new FilterRegistrationBean<>(
				new AbsoluteSessionTimeoutFilter(properties));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 2);
		return registration;
	}

}
