/**
 * Revocation: the access-token denylist (PostgreSQL {@code identity.revoked_tokens} + Redis
 * {@code textbook:revoked:jti:<jti>}), the job that copies it back to Redis after Redis lost it (marker
 * {@code textbook:revoked:synced}), the listeners that feed it (revoked token families, sign out everywhere) and the
 * token part of RP-initiated logout. RFC 7009 revocation itself is Spring's endpoint over the hashed authorization
 * service of the {@code token} feature.
 */
package ai.physical.textbook.auth.revocation;
