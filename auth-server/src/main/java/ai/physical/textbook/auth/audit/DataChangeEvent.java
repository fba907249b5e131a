package ai.physical.textbook.auth.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A change to account or profile data for {@code identity.audit_logs}, published with
 * {@code ApplicationEventPublisher#publishEvent} after the change committed.
 *
 * @param userId who made the change
 * @param operation {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param tableName the table changed, e.g. {@code software_backgrounds}
 * @param recordId the primary key of the changed row
 * @param oldValues the row before (null for INSERT), serialized as JSONB
 * @param newValues the row after (null for DELETE), serialized as JSONB
 * @param occurredAt when
 */
public record DataChangeEvent(UUID userId, String operation, String tableName, String recordId,
		Map<String, Object> oldValues, Map<String, Object> newValues, Instant occurredAt) {

}
