package ai.physical.textbook.auth.config;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;

import ai.physical.textbook.auth.token.SignInSession;

/**
 * RP-initiated logout bound to the browser session: after Spring's checks (the {@code id_token_hint} is one we issued,
 * to this client, for the signed-in user), the ID token's {@code sid} must be the {@code sid} of the session the
 * request comes with, when that session has one ({@link SignInSessionFilter}). An ID token of another session of the
 * same user (another browser, or a session signed out since) cannot end this one. Spring's own check compares a hash
 * of the current session id with the {@code sid}, through a session registry; the session's own sid is the same on
 * every instance and survives a change of session id (password change).
 */
final class SessionBoundLogout implements AuthenticationProvider {

	private static final String ERROR_URI = "https://openid.net/specs/openid-connect-rpinitiated-1_0.html"
			+ "#ValidationAndErrorHandling";

	private final OidcLogoutAuthenticationProvider delegate;

	SessionBoundLogout(OidcLogoutAuthenticationProvider delegate) {
		this.delegate = delegate;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		Authentication result = this.delegate.authenticate(authentication);
		if (result instanceof OidcLogoutAuthenticationToken logout && logout.isPrincipalAuthenticated()) {
			SignInSession.of((Authentication) logout.getPrincipal()).ifPresent((session) -> {
				if (!session.sid().equals(logout.getIdToken().getClaimAsString("sid"))) {
					throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
							"OpenID Connect 1.0 Logout Request Parameter: sid", ERROR_URI));
				}
			});
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}
