/**
 * The auth-server application. Features live in their own packages ({@code account}, {@code profile}, ...);
 * only cross-cutting configuration lives in {@code config}.
 */
package ai.physical.textbook.auth;
