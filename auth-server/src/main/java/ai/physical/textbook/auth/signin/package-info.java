/**
 * Sign-in: the page, the authentication provider (Argon2id, brute-force protection, audit) and where a reader goes
 * next (profile form when incomplete, else the saved OAuth request or the account page).
 */
package ai.physical.textbook.auth.signin;
