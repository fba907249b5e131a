/**
 * Registered OAuth2 clients: declared in configuration ({@code textbook.clients.*}), stored in PostgreSQL, synchronized
 * at startup only when the declaration changed. Client secrets come from the environment and are stored as SHA-256
 * hashes ({@link ai.physical.textbook.auth.client.ClientSecretPasswordEncoder}); public clients (browser, devices)
 * authenticate with their client id alone, with PKCE for the authorization code and rotation for refresh tokens.
 */
package ai.physical.textbook.auth.client;
