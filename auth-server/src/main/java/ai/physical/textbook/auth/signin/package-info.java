/**
 * The sign-in page.
 */
package ai.physical.textbook.auth.signin;
