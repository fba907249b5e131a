package ai.physical.textbook.auth.account;

import java.util.UUID;

/**
 * Published when every session of a user must end ("sign out everywhere", password change). The token feature
 * listens and revokes every refresh token of the user and denylists their live access tokens.
 *
 * @param userId the user
 * @param reason why, e.g. {@code sign_out_everywhere} or {@code password_change}
 */
public record UserSignedOutEverywhere(UUID userId, String reason) {

}
