/**
 * User accounts: the {@code identity.users} table, password hashing (Argon2id with upgrade on sign-in), the password
 * policy, the bootstrap administrator and the {@code UserDetailsService} used by sign-in. The authenticated
 * principal's name is the user id (a UUID), which becomes the token subject.
 */
package ai.physical.textbook.auth.account;
