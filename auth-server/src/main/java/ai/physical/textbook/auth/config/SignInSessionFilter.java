package ai.physical.textbook.auth.config;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.filter.OncePerRequestFilter;

import ai.physical.textbook.auth.session.SessionMetadata;
import ai.physical.textbook.auth.token.SignInSession;

/**
 * On the authorization and logout endpoints, gives the signed-in user's authentication, for this request only, the
 * {@link SignInSession} of the browser session (its {@code sid} and sign-in time, kept as session attributes):
 *
 * <ul>
 * <li>the authorization endpoint stores that authentication with the grant, and the code exchange puts the sid and
 * time in the ID token from there (no session lookup at the token endpoint, on any instance);</li>
 * <li>the logout endpoint compares the {@code id_token_hint}'s sid with it ({@link SessionBoundLogout}).</li>
 * </ul>
 *
 * The copy lives in the request's security context only: nothing on these endpoints saves the context, so the
 * session keeps the plain authentication it was signed in with.
 */
final class SignInSessionFilter extends OncePerRequestFilter {

	private final String authorizationEndpoint;

	private final String logoutEndpoint;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	SignInSessionFilter(AuthorizationServerSettings settings) {
		this.authorizationEndpoint = settings.getAuthorizationEndpoint();
		this.logoutEndpoint = settings.getOidcLogoutEndpoint();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = path(request);
		return !path.equals(this.authorizationEndpoint) && !path.equals(this.logoutEndpoint);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication current = this.contexts.getContext().getAuthentication();
		if (current instanceof UsernamePasswordAuthenticationToken user && user.isAuthenticated()) {
			Optional<SignInSession> signIn = SessionMetadata.signInSession(request, user.getName());
			if (signIn.isPresent()) {
				UsernamePasswordAuthenticationToken withSignIn = UsernamePasswordAuthenticationToken
					.authenticated(user.getPrincipal(), user.getCredentials(), user.getAuthorities());
				withSignIn.setDetails(signIn.get());
				SecurityContext context = this.contexts.createEmptyContext();
				context.setAuthentication(withSignIn);
				this.contexts.setContext(context);
			}
		}
		chain.doFilter(request, response);
	}

}
