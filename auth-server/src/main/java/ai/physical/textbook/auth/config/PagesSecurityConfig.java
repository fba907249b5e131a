package ai.physical.textbook.auth.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import ai.physical.textbook.auth.signin.SigninDetails;

/**
 * The server-rendered pages: form sign-in at {@code /signin} (email + password) with brute-force protection, a session
 * in Redis whose id changes at sign-in, CSRF on every form, and security headers (a strict content security policy:
 * the pages need no script).
 */
@Configuration(proxyBeanMethods = false)
class PagesSecurityConfig {

	/**
	 * The pages need no script and no plugin; styles and images come from this server. Also sent by the protocol
	 * chain, whose errors render the same error pages. No {@code form-action 'self'} alone: browsers apply it to the
	 * redirect that follows the consent form, which goes to the client.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'none'; object-src 'none'; "
			+ "style-src 'self'; img-src 'self' data:; form-action 'self' http: https:; frame-ancestors 'none'; "
			+ "base-uri 'none'";

	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationProvider signinAuthenticationProvider,
			AuthenticationSuccessHandler signinSuccessHandler, LogoutHandler signOutAuditHandler) throws Exception {
		http.authorizeHttpRequests((authorize) -> authorize
			.requestMatchers(PagePaths.SIGN_IN, PagePaths.SIGN_UP, "/css/**", "/images/**", "/favicon.ico", "/error",
					"/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/v3/api-docs",
					"/v3/api-docs.yaml")
			.permitAll()
			.anyRequest()
			.authenticated());
		http.authenticationManager(new ProviderManager(signinAuthenticationProvider));
		http.formLogin((form) -> form.loginPage(PagePaths.SIGN_IN)
			.usernameParameter(PagePaths.EMAIL_PARAMETER)
			.authenticationDetailsSource(SigninDetails.SOURCE)
			.successHandler(signinSuccessHandler)
			// Redirect without keeping the exception in the session: it would carry the submitted credentials.
			.failureHandler((request, response, exception) -> response
				.sendRedirect(request.getContextPath() + PagePaths.SIGN_IN + "?error")));
		http.logout((logout) -> logout.logoutUrl(PagePaths.LOGOUT)
			.addLogoutHandler(signOutAuditHandler)
			.logoutSuccessUrl(PagePaths.SIGN_IN + "?logout"));
		http.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()));
		// A forged token that does not even decode is refused with 403 like any wrong token, not a 500.
		http.csrf((csrf) -> csrf.csrfTokenRequestHandler(new TamperTolerantCsrfTokenRequestHandler()));
		http.headers((headers) -> headers
			.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

}
