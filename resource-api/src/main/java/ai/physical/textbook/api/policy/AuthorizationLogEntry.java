package ai.physical.textbook.api.policy;

import java.time.Instant;
import java.util.UUID;

/**
 * One authorization decision, as written to {@code personalization.authz_logs}.
 *
 * @param userId the token's subject when it is a user id, else {@code null}
 * @param subject the token's subject (a client id for client tokens), or {@code null} without a valid token
 * @param resource the request path
 * @param action the HTTP method
 * @param policy the policy that decided: the requested one when granted, the first failing one when denied
 * @param authorized whether access was granted
 * @param code the problem code of a denial, {@code null} when granted
 * @param timestamp when the decision was taken
 */
public record AuthorizationLogEntry(UUID userId, String subject, String resource, String action, String policy,
		boolean authorized, String code, Instant timestamp) {

	/** The subject as a user id when it is a UUID (user tokens), else {@code null}. */
	static UUID userIdOf(String subject) {
		if (subject == null) {
			return null;
		}
		try {
			return UUID.fromString(subject);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
