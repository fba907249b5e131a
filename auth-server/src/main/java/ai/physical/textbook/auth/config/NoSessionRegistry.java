package ai.physical.textbook.auth.config;

import java.util.List;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;

/**
 * A session registry that tracks nothing, so that Spring's authorization server does not keep its in-memory one.
 *
 * <p>Spring uses the registry for the {@code sid} and {@code auth_time} of ID tokens and for the {@code sid} check at
 * logout. Here both come from {@link ai.physical.textbook.auth.token.SignInSession}, kept with the signed-in
 * authentication (in the Redis session, and stored with each grant), because the registry way is wrong for this
 * server: an in-memory registry is per instance, so behind a load balancer the claims would depend on which instance
 * answered; a registry over the Redis sessions would, at every code exchange, look up all the sessions of the user and
 * pick the most recently used one, not the one that authorized the code; its {@code sid} is a hash of the session id,
 * which changes at a password change (logout would then fail); and its {@code auth_time} needs authorities that our
 * stored grants do not keep. See {@code IdTokenSessionCustomizer} and {@link SessionBoundLogout}.
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
