package ai.physical.textbook.auth.token;

import java.time.Instant;

/**
 * An access token (JWT) that was revoked while still valid: its {@code jti} must be denylisted until it expires.
 *
 * @param jti the token id
 * @param expiresAt when the token expires anyway
 */
public record RevokedAccessToken(String jti, Instant expiresAt) {

}
