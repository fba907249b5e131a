/**
 * Reusable helpers for auth-server tests over real HTTP: {@link ai.physical.textbook.auth.support.AuthorizationCodeFlow}
 * (sign-in, authorize with PKCE, consent, code exchange, refresh with a cookie-keeping client),
 * {@link ai.physical.textbook.auth.support.TestUsers} (users with complete profiles, inserted with the application's
 * password encoder), {@link ai.physical.textbook.auth.support.ProtocolClient} (back-channel calls),
 * {@link ai.physical.textbook.auth.support.TestSecrets} (per-JVM random key-encryption key and client secrets for
 * every test context) and {@link ai.physical.textbook.auth.support.AuthServerIntegrationTest}.
 */
package ai.physical.textbook.auth.support;
