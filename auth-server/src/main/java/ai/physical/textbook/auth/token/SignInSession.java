package ai.physical.textbook.auth.token;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * The OpenID Connect view of the browser session a user authorizes a client from: its {@code sid} and the instant the
 * user signed in ({@code auth_time}). The session keeps both as plain attributes; the protocol endpoints that act for
 * the browser's user (authorization, logout) see them as the details of the signed-in {@link Authentication}, and the
 * authorization endpoint stores that authentication with the grant it creates. So the code exchange, on whichever
 * instance, reads the sid and time of exactly the session that authorized the code, without looking a session up;
 * the refresh grant copies both from the stored ID token.
 *
 * @param sid the session's {@code sid}
 * @param authenticatedAt when the user signed in
 */
public record SignInSession(String sid, Instant authenticatedAt) implements Serializable {

	public SignInSession {
		Objects.requireNonNull(sid, "sid");
		Objects.requireNonNull(authenticatedAt, "authenticatedAt");
	}

	/** The sign-in of an authentication; empty when it carries none. */
	public static Optional<SignInSession> of(Authentication authentication) {
		return (authentication != null && authentication.getDetails() instanceof SignInSession session)
				? Optional.of(session) : Optional.empty();
	}

}
