/**
 * Tokens: the authorization service storing codes, states, refresh, access, ID and device tokens only as SHA-256
 * hashes with one indexed lookup per token; refresh rotation with reuse detection; the consent store; the token
 * generator and the claim customizers (RFC 9068 access tokens with the profile claims of the original plan); the
 * userinfo mapper; the cleanup of expired rows. {@link ai.physical.textbook.auth.token.TokenFamilies} is the public
 * way to revoke families from other features.
 */
package ai.physical.textbook.auth.token;
