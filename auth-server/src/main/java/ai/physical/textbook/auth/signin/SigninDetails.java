package ai.physical.textbook.auth.signin;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import ai.physical.textbook.auth.token.SignInSession;

/**
 * What the sign-in step needs to know about the request besides the credentials: the client address (as resolved
 * from forwarded headers) and the user agent, for brute-force counters and the audit log; and who is already signed
 * in on the session, so that signing in again as the same user keeps the session's {@code sid}.
 *
 * @param remoteAddress the client address
 * @param userAgent the user agent, at most 512 characters
 * @param sessionId the session id before the sign-in, may be null
 * @param signedInUser the principal name already signed in on the session, may be null
 * @param signedInSid the {@code sid} of that sign-in, may be null
 */
public record SigninDetails(String remoteAddress, String userAgent, String sessionId, String signedInUser,
		String signedInSid) implements Serializable {

	/** Builds the details from the sign-in request; set on the form login of the pages chain. */
	public static final AuthenticationDetailsSource<HttpServletRequest, SigninDetails> SOURCE = (request) -> {
		String userAgent = request.getHeader("User-Agent");
		// The security context of the session the form was posted with (Spring loaded it before the login filter).
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		String signedInSid = (current != null && current.isAuthenticated())
				? SignInSession.of(current).map(SignInSession::sid).orElse(null) : null;
		return new SigninDetails(request.getRemoteAddr(),
				(userAgent != null && userAgent.length() > 512) ? userAgent.substring(0, 512) : userAgent,
				(request.getSession(false) != null) ? request.getSession(false).getId() : null,
				(signedInSid != null) ? current.getName() : null, signedInSid);
	};

	/** The sid to keep when {@code userName} signs in: the session's, when that user is the one signed in on it. */
	String sidToKeep(String userName) {
		return (userName != null && userName.equals(this.signedInUser)) ? this.signedInSid : null;
	}

}
