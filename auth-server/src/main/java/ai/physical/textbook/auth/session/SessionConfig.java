package ai.physical.textbook.auth.session;

import java.util.List;
import java.util.Set;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Registers, right after Spring Session's filter, the filter that keeps sessions out of the back-channel endpoints,
 * then the absolute session timeout.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

	/**
	 * The back-channel endpoints: they authenticate a client or a bearer token. Not the authorization, device
	 * verification and logout endpoints, which work on the browser's user.
	 */
	@Bean
	FilterRegistrationBean<BackChannelSessionFilter> backChannelSessionFilter(AuthorizationServerSettings settings) {
		BackChannelSessionFilter filter = new BackChannelSessionFilter(
				Set.of(settings.getTokenEndpoint(), settings.getTokenRevocationEndpoint(),
						settings.getTokenIntrospectionEndpoint(), settings.getDeviceAuthorizationEndpoint(),
						settings.getJwkSetEndpoint(), settings.getOidcUserInfoEndpoint()),
				List.of("/.well-known/", "/api/", "/actuator/"));
		FilterRegistrationBean<BackChannelSessionFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<AbsoluteSessionTimeoutFilter> absoluteSessionTimeoutFilter(SessionProperties properties) {
		FilterRegistrationBean<AbsoluteSessionTimeoutFilter> registration = new FilterRegistrationBean<>(
				new AbsoluteSessionTimeoutFilter(properties));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 2);
		return registration;
	}

}
