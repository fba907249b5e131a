package ai.physical.textbook.auth.config;

import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import ai.physical.textbook.auth.client.ClientSecretPasswordEncoder;
import ai.physical.textbook.auth.client.PublicClientAuthentication;
import ai.physical.textbook.auth.revocation.LogoutRevocation;
import ai.physical.textbook.auth.token.UserInfoMapper;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * The OAuth2 / OpenID Connect protocol endpoints of the Spring Security authorization server: authorization code
 * with PKCE, refresh token (rotated, public clients included), client credentials and device code; revocation,
 * introspection, userinfo, RP-initiated logout, discovery and the JWK set. Consent and device pages are served by the
 * {@code consent} and {@code device} features under the pages chain.
 */
@Configuration(proxyBeanMethods = false)
class ProtocolSecurityConfig {

	static final String CONSENT_PAGE = "/consent";

	static final String DEVICE_PAGE = "/device";

	@Bean
	AuthorizationServerSettings authorizationServerSettings(@Value("${textbook.issuer}") String issuer) {
		return AuthorizationServerSettings.builder().issuer(issuer).build();
	}

	/**
	 * See {@link NoSessionRegistry}: no per-instance session tracking behind a load balancer; {@code sid} and
	 * {@code auth_time} come from the browser session through {@link SignInSessionFilter} instead.
	 */
	@Bean
	SessionRegistry oidcSessionRegistry() {
		return new NoSessionRegistry();
	}

	@Bean
	@Order(1)
	SecurityFilterChain protocolEndpoints(HttpSecurity http, AuthorizationServerSettings settings,
			RegisteredClientRepository clients, OAuth2AuthorizationService authorizations,
			OAuth2TokenGenerator<?> tokenGenerator, UserInfoMapper userInfoMapper, LogoutRevocation logoutRevocation)
			throws Exception {
		ClientSecretPasswordEncoder clientSecrets = new ClientSecretPasswordEncoder();
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.registeredClientRepository(clients)
				.authorizationService(authorizations)
				.tokenGenerator(tokenGenerator)
				.clientAuthentication((clientAuthentication) -> clientAuthentication
					.authenticationConverter(PublicClientAuthentication.converter(
							settings.getDeviceAuthorizationEndpoint(), settings.getTokenRevocationEndpoint()))
					.authenticationProvider(PublicClientAuthentication.provider(clients))
					// Never the users' Argon2 encoder: see ClientSecretPasswordEncoder.
					.authenticationProviders((providers) -> providers.forEach((provider) -> {
						if (provider instanceof ClientSecretAuthenticationProvider secretProvider) {
							secretProvider.setPasswordEncoder(clientSecrets);
						}
					})))
				.authorizationEndpoint((authorization) -> authorization.consentPage(CONSENT_PAGE))
				.deviceAuthorizationEndpoint((device) -> device.verificationUri(DEVICE_PAGE))
				.deviceVerificationEndpoint((verification) -> verification.consentPage(CONSENT_PAGE)
					.deviceVerificationResponseHandler(new SimpleUrlAuthenticationSuccessHandler(DEVICE_PAGE + "?success"))
					.errorResponseHandler(new SimpleUrlAuthenticationFailureHandler(DEVICE_PAGE + "?error")))
				.oidc((oidc) -> oidc.userInfoEndpoint((userInfo) -> userInfo.userInfoMapper(userInfoMapper))
					.logoutEndpoint((logout) -> logout.logoutResponseHandler(logoutHandler(logoutRevocation))
						// The id_token_hint must also belong to the browser session: see SessionBoundLogout.
						.authenticationProviders((providers) -> providers.replaceAll(
								(provider) -> (provider instanceof OidcLogoutAuthenticationProvider spring)
										? new SessionBoundLogout(spring) : provider))));
		});
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated());
		// Control characters in any parameter are refused before any lookup (PostgreSQL refuses NUL).
		http.addFilterBefore(new ProtocolParameterGuard(settings), DisableEncodeUrlFilter.class);
		// The browser session's sid and sign-in time, for the ID tokens of the grants authorized here and for logout.
		http.addFilterAfter(new SignInSessionFilter(settings), SecurityContextHolderFilter.class);
		// The userinfo endpoint takes this server's own access tokens.
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(withDefaults()));
		// Client endpoints called without any client authentication answer RFC 6749's invalid_client, not the
		// resource server's bare "Bearer" 401. Browsers that reach /oauth2/authorize without a session are sent to the
		// sign-in page; API clients that send no Accept header (*/*) get a 401, not a redirect to an HTML page.
		MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		http.exceptionHandling((exceptions) -> exceptions
			.defaultAuthenticationEntryPointFor(new ClientAuthenticationEntryPoint(), clientEndpoints(settings))
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(PagePaths.SIGN_IN), browsers));
		// The consent form posts here: a forged token that does not decode is a 403, not a 500.
		http.csrf((csrf) -> csrf.csrfTokenRequestHandler(new TamperTolerantCsrfTokenRequestHandler()));
		// Errors of these endpoints render the friendly error pages: the same policy as the pages.
		http.headers((headers) -> headers
			.contentSecurityPolicy((csp) -> csp.policyDirectives(PagesSecurityConfig.CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/** The endpoints that authenticate clients, never users or bearer tokens. */
	private static RequestMatcher clientEndpoints(AuthorizationServerSettings settings) {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return new OrRequestMatcher(paths.matcher(HttpMethod.POST, settings.getTokenEndpoint()),
				paths.matcher(HttpMethod.POST, settings.getTokenRevocationEndpoint()),
				paths.matcher(HttpMethod.POST, settings.getTokenIntrospectionEndpoint()),
				paths.matcher(HttpMethod.POST, settings.getDeviceAuthorizationEndpoint()));
	}

	/**
	 * RP-initiated logout: revoke the grant of the ID token presented, then end the browser session and redirect to
	 * the registered post-logout URI (Spring's handler).
	 */
	private static OidcLogoutAuthenticationSuccessHandler logoutHandler(LogoutRevocation logoutRevocation) {
		SecurityContextLogoutHandler sessionLogout = new SecurityContextLogoutHandler();
		OidcLogoutAuthenticationSuccessHandler handler = new OidcLogoutAuthenticationSuccessHandler();
		handler.setLogoutHandler((request, response, authentication) -> {
			logoutRevocation.logout(request, response, authentication);
			if (authentication instanceof OidcLogoutAuthenticationToken logout && logout.isPrincipalAuthenticated()) {
				sessionLogout.logout(request, response, (Authentication) logout.getPrincipal());
			}
		});
		return handler;
	}

}
