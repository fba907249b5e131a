/**
 * Access-token validation: the auth-server's JWK set, the RFC 9068 checks and the revocation denylist (Redis with a
 * PostgreSQL fallback).
 */
package ai.physical.textbook.api.token;
