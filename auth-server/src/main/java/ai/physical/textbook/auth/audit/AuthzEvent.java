package ai.physical.textbook.auth.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * An authorization decision for {@code identity.authz_logs} (the policies of the profile API), published with
 * {@code ApplicationEventPublisher#publishEvent}.
 *
 * @param userId the token subject, when it is a user
 * @param resource what was asked for, e.g. {@code /api/profile/<id>}
 * @param action {@code read} or {@code write}
 * @param policy the policy applied, e.g. {@code self_profile}
 * @param authorized whether access was granted
 * @param occurredAt when
 */
public record AuthzEvent(UUID userId, String resource, String action, String policy, boolean authorized,
		Instant occurredAt) {

}
