/**
 * Browser sessions and the account page: active sessions through Spring Session's principal index in Redis,
 * connected applications, sign out, sign out everywhere, the logout confirmation and the absolute session timeout;
 * and what a session records at sign-in ({@link ai.physical.textbook.auth.session.SessionMetadata}), including its
 * OpenID Connect {@code sid} and sign-in time, the {@code sid} and {@code auth_time} of its ID tokens.
 */
package ai.physical.textbook.auth.session;
