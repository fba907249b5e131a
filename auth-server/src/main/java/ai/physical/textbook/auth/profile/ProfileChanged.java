package ai.physical.textbook.auth.profile;

import java.util.UUID;

/**
 * Published (as a Spring application event, after commit) whenever a profile changes. The accounts feature relays it
 * to Redis pub/sub ({@code profile.updated}, and {@code profile.completed} on first completion) for other services.
 *
 * @param userId the user
 * @param profileComplete completion after the change
 * @param firstCompletion true when this change completed the profile for the first time
 */
public record ProfileChanged(UUID userId, boolean profileComplete, boolean firstCompletion) {

}
