/**
 * User accounts: the {@code identity.users} table, password hashing and the {@code UserDetailsService} used by
 * sign-in. The authenticated principal's name is the user id (a UUID), which becomes the token subject.
 */
package ai.physical.textbook.auth.account;
