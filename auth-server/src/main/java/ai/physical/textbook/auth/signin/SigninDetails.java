package ai.physical.textbook.auth.signin;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * What the sign-in step needs to know about the request besides the credentials: the client address (as resolved
 * from forwarded headers) and the user agent, for brute-force counters and the audit log.
 */
public record SigninDetails(String remoteAddress, String userAgent, String sessionId) implements Serializable {

	/** Builds the details from the sign-in request; set on the form login of the pages chain. */
	public static final AuthenticationDetailsSource<HttpServletRequest, SigninDetails> SOURCE = (request) -> {
		String userAgent = request.getHeader("User-Agent");
		return new SigninDetails(request.getRemoteAddr(),
				(userAgent != null && userAgent.length() > 512) ? userAgent.substring(0, 512) : userAgent,
				(request.getSession(false) != null) ? request.getSession(false).getId() : null);
	};

}
