package ai.physical.textbook.auth.profile;

import java.util.UUID;

/**
 * Who is acting on a user-facing profile path: the row-level-security settings of the transaction
 * ({@code app.user_id}, {@code app.is_admin}) come from it.
 *
 * @param userId the signed-in user or token subject
 * @param admin whether they hold the admin role (read access to every profile)
 */
public record Actor(UUID userId, boolean admin) {

}
