package ai.physical.textbook.auth.config;

import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.session.web.http.SessionRepositoryFilter;

import ai.physical.textbook.auth.key.SigningKeys;

/**
 * Registers the {@link JwkSetResponder} on the JWK set path only, inside the dependency filter (a key reload that
 * cannot reach PostgreSQL answers 503) and ahead of Spring Session and Spring Security.
 */
@Configuration(proxyBeanMethods = false)
class JwkSetResponderConfig {

	@Bean
	FilterRegistrationBean<JwkSetResponder> jwkSetResponder(SigningKeys keys, AuthorizationServerSettings settings) {
		// The headers of the protocol chain (ProtocolSecurityConfig): Spring Security's defaults, the pages' content
		// security policy and the same-origin referrer policy.
		JwkSetResponder responder = new JwkSetResponder(keys, settings.getJwkSetEndpoint(),
				List.of(new XContentTypeOptionsHeaderWriter(), new XXssProtectionHeaderWriter(),
						new CacheControlHeadersWriter(), new HstsHeaderWriter(),
						new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
						new ContentSecurityPolicyHeaderWriter(PagesSecurityConfig.CONTENT_SECURITY_POLICY),
						new ReferrerPolicyHeaderWriter(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		FilterRegistrationBean<JwkSetResponder> registration = new FilterRegistrationBean<>(responder);
		registration.setUrlPatterns(List.of(settings.getJwkSetEndpoint()));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

}
