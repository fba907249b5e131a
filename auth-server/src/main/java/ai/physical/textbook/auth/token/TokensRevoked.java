package ai.physical.textbook.auth.token;

import java.util.List;

/**
 * Published (synchronously, inside the revoking transaction) whenever tokens are revoked: by RFC 7009 revocation,
 * refresh-token or code reuse, logout or "sign out everywhere". The revocation feature denylists the live access
 * tokens listed here.
 *
 * @param principalName the user id (or client id for client_credentials)
 * @param accessTokens the revoked access tokens that have not expired yet
 * @param reason why: {@code revoked}, {@code refresh_token_reuse}, {@code code_reuse}, {@code logout},
 * {@code sign_out_everywhere}, ...
 */
public record TokensRevoked(String principalName, List<RevokedAccessToken> accessTokens, String reason) {

}
