package ai.physical.textbook.auth.config;

import java.util.List;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;

/**
 * A session registry that tracks nothing, so that Spring's authorization server does not keep its in-memory one.
 *
 * <p>Spring uses the registry for the {@code sid} and {@code auth_time} of ID tokens and for the {@code sid} check at
 * logout. Here the browser session keeps its own sid and sign-in time (session attributes written at sign-in,
 * {@code SessionMetadata}), {@link SignInSessionFilter} hands them to the authorization and logout endpoints, the
 * grant stores them, {@code IdTokenSessionCustomizer} puts them in the ID token and {@link SessionBoundLogout}
 * checks the sid. The registry way is wrong for this server: an in-memory registry is per instance, so behind a load
 * balancer the claims would depend on which instance answered; a registry over the Redis sessions would, at every
 * code exchange, read all the sessions of the user and pick the most recently used one, not the one that authorized
 * the code; its {@code sid} is a hash of the session id, which changes at a password change (logout then fails); and
 * its {@code auth_time} needs authorities that our stored grants do not keep.
 */
final class NoSessionRegistry implements SessionRegistry {

	@Override
	public List<Object> getAllPrincipals() {
		return List.of();
	}

	@Override
	public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
		return List.of();
	}

	@Override
	public SessionInformation getSessionInformation(String sessionId) {
		return null;
	}

	@Override
	public void refreshLastRequest(String sessionId) {
	}

	@Override
	public void registerNewSession(String sessionId, Object principal) {
	}

	@Override
	public void removeSessionInformation(String sessionId) {
	}

}
