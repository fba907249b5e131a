package ai.physical.textbook.auth.token;

import java.io.Serial;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The OpenID Connect view of a browser session, fixed when the user signs in and kept as the details of the signed-in
 * {@link Authentication}: its {@code sid} (a random identifier of the session, the same in every ID token issued
 * through it) and the instant the user authenticated ({@code auth_time}).
 *
 * <p>Why on the authentication and not looked up in a session registry: the authentication is what the authorization
 * endpoint stores with the grant it creates, so the code exchange, on whichever instance, reads the sid and time of
 * exactly the session that authorized the code, with no session lookup on the token endpoint; the refresh grant
 * copies both from the stored ID token. The sid is random, not derived from the session id, so the new session id
 * given at a password change does not make it stale. Signing in again as the same user in the same session keeps the
 * sid (it is still that session) and moves the authentication time.
 */
public final class SignInSession extends WebAuthenticationDetails {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final SecureRandom random = new SecureRandom();

	private final String sid;

	private final Instant authenticatedAt;

	SignInSession(String remoteAddress, String sessionId, String sid, Instant authenticatedAt) {
		super(remoteAddress, sessionId);
		this.sid = Objects.requireNonNull(sid, "sid");
		this.authenticatedAt = Objects.requireNonNull(authenticatedAt, "authenticatedAt");
	}

	/**
	 * The details of a sign-in that happens now.
	 * @param remoteAddress the client address
	 * @param sessionId the session id when the sign-in was requested, may be null
	 * @param keptSid the sid of the session when the same user was already signed in on it, otherwise null (a new sid
	 * is drawn)
	 */
	public static SignInSession now(String remoteAddress, String sessionId, String keptSid) {
		return new SignInSession(remoteAddress, sessionId, (keptSid != null) ? keptSid : newSid(), Instant.now());
	}

	/** The sign-in details of an authentication, empty for one made before they existed or by another means. */
	public static Optional<SignInSession> of(Authentication authentication) {
		return (authentication != null && authentication.getDetails() instanceof SignInSession session)
				? Optional.of(session) : Optional.empty();
	}

	/** The {@code sid} claim: 32 random bytes, base64url, like a SHA-256 hash (what Spring would put there). */
	public String sid() {
		return this.sid;
	}

	/** When the user authenticated (the {@code auth_time} claim, in seconds). */
	public Instant authenticatedAt() {
		return this.authenticatedAt;
	}

	private static String newSid() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SignInSession session && super.equals(other) && this.sid.equals(session.sid)
				&& this.authenticatedAt.equals(session.authenticatedAt);
	}

	@Override
	public int hashCode() {
		return Objects.hash(super.hashCode(), this.sid, this.authenticatedAt);
	}

	@Override
	public String toString() {
		return "SignInSession[authenticatedAt=" + this.authenticatedAt + "]";
	}

}
