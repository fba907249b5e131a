package ai.physical.textbook.auth.session;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;

import ai.physical.textbook.auth.token.SignInSession;

/**
 * What is known about a browser session, stored as session attributes at sign-in: when, from which address and with
 * which browser (the account page shows them), and the session's OpenID Connect {@code sid}. The sign-in time is the
 * {@code auth_time} of the ID tokens issued through the session, so the account page and the tokens agree.
 *
 * <p>Plain strings on purpose: sessions are shared by every instance in Redis, and an instance of an older version
 * can still read a session that a newer one wrote (a class of ours in the session would break it during a rolling
 * deploy).
 */
public final class SessionMetadata {

	static final String SIGNED_IN_AT = "textbook.signedInAt";

	static final String IP_ADDRESS = "textbook.ipAddress";

	static final String USER_AGENT = "textbook.userAgent";

	/** The session's {@code sid}: 32 random bytes, base64url (the length of Spring's hashed session ids). */
	static final String SID = "textbook.sid";

	/** Whose sign-in the {@code sid} belongs to (the principal name). */
	static final String SID_USER = "textbook.sidUser";

	private static final SecureRandom random = new SecureRandom();

	private SessionMetadata() {
	}

	/**
	 * Records the sign-in of {@code authentication} on the current session (call after the session id has changed).
	 * The session keeps its {@code sid} when the same user signs in on it again (it is still that session: an ID
	 * token issued before still matches it at logout); another user gets a new one.
	 */
	public static void recordSignIn(HttpServletRequest request, Authentication authentication) {
		HttpSession session = request.getSession();
		session.setAttribute(SIGNED_IN_AT, Instant.now().toString());
		session.setAttribute(IP_ADDRESS, request.getRemoteAddr());
		String userAgent = request.getHeader("User-Agent");
		session.setAttribute(USER_AGENT, (userAgent != null && userAgent.length() > 512)
				? userAgent.substring(0, 512) : userAgent);
		if (session.getAttribute(SID) == null || !authentication.getName().equals(session.getAttribute(SID_USER))) {
			session.setAttribute(SID, newSid());
			session.setAttribute(SID_USER, authentication.getName());
		}
	}

	/**
	 * The {@code sid} and sign-in time of {@code userName}'s sign-in on the request's session; empty without a
	 * session or without both recorded for that user (a session signed in before sids were recorded: it gets one when
	 * the user signs in again, at most the absolute session timeout later).
	 */
	public static Optional<SignInSession> signInSession(HttpServletRequest request, String userName) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SIGNED_IN_AT) instanceof String signedInAt
				&& session.getAttribute(SID) instanceof String sid && userName.equals(session.getAttribute(SID_USER))) {
			return Optional.of(new SignInSession(sid, Instant.parse(signedInAt)));
		}
		return Optional.empty();
	}

	private static String newSid() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
