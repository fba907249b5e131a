package ai.physical.textbook.auth.session;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;

import ai.physical.textbook.auth.token.SignInSession;

/**
 * What the account page shows about a browser session, stored as session attributes at sign-in: when, from which
 * address and with which browser.
 */
public final class SessionMetadata {

	static final String SIGNED_IN_AT = "textbook.signedInAt";

	static final String IP_ADDRESS = "textbook.ipAddress";

	static final String USER_AGENT = "textbook.userAgent";

	private SessionMetadata() {
	}

	/**
	 * Records the sign-in on the current session (call after the session id has changed). The time shown is the
	 * authentication's {@code auth_time} (the ID tokens' claim), so the account page and the tokens agree.
	 */
	public static void recordSignIn(HttpServletRequest request, Authentication authentication) {
		HttpSession session = request.getSession();
		Instant signedInAt = SignInSession.of(authentication)
			.map(SignInSession::authenticatedAt)
			.orElseGet(Instant::now);
		session.setAttribute(SIGNED_IN_AT, signedInAt.toString());
		session.setAttribute(IP_ADDRESS, request.getRemoteAddr());
		String userAgent = request.getHeader("User-Agent");
		session.setAttribute(USER_AGENT, (userAgent != null && userAgent.length() > 512)
				? userAgent.substring(0, 512) : userAgent);
	}

}
