/**
 * The resource-api application. Features live in their own packages; cross-cutting configuration in {@code config}.
 */
package ai.physical.textbook.api;
