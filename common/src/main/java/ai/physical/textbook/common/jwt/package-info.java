/**
 * Access-token verification shared by both apps: verified tokens remembered per instance
 * ({@link ai.physical.textbook.common.jwt.VerifiedTokenCache}), with expiry and revocation checked on every request,
 * and the bearer token read from the {@code Authorization} header without a regular expression
 * ({@link ai.physical.textbook.common.jwt.BearerHeaderTokenResolver}).
 */
package ai.physical.textbook.common.jwt;
