package ai.physical.textbook.auth.config;

import java.util.List;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;

/**
 * A session registry that tracks nothing. Spring's authorization server would otherwise keep an in-memory registry
 * per instance to put a {@code sid} claim in ID tokens and check it at logout; with browser sessions in Redis shared by
 * every instance, that check would depend on which instance answered (a code exchanged on one instance and a logout
 * on another fails). RP-initiated logout is bound instead by the {@code id_token_hint}, which must belong to the
 * signed-in user and the client, and revokes exactly that grant.
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
