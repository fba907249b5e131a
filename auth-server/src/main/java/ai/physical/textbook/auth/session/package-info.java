/**
 * Browser sessions and the account page: active sessions through Spring Session's principal index in Redis,
 * connected applications, sign out, sign out everywhere, the logout confirmation and the absolute session timeout.
 */
package ai.physical.textbook.auth.session;
