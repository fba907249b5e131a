/**
 * Sign-up: the page, its validation (password policy, duplicate email, per-IP rate limit) and the creation of the
 * user with an empty profile in one transaction, followed by sign-in.
 */
package ai.physical.textbook.auth.signup;
