package ai.physical.textbook.auth.revocation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

import ai.physical.textbook.auth.token.TokenFamilies;

/**
 * The token part of RP-initiated logout ({@code /connect/logout}): once Spring has validated the
 * {@code id_token_hint} (issued by us, to this client, for the signed-in user), the grant that ID token belongs to is
 * revoked: the client's refresh token of that session stops working and its live access tokens are denylisted. The
 * session itself is ended by the handler that runs next.
 */
@Component
public class LogoutRevocation implements LogoutHandler {

	static final String REASON = "logout";

	private final TokenFamilies families;

	LogoutRevocation(TokenFamilies families) {
		this.families = families;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (authentication instanceof OidcLogoutAuthenticationToken logout && logout.getIdToken() != null) {
			this.families.revokeFamilyOf(logout.getIdToken().getTokenValue(), REASON);
		}
	}

}
