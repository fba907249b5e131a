/**
 * Cross-cutting configuration: one security filter chain per concern (protocol endpoints, JSON API, pages), each
 * with its own matcher and order.
 */
package ai.physical.textbook.auth.config;
