/**
 * Cross-cutting configuration of resource-api: token validation and the security filter chain.
 */
package ai.physical.textbook.api.config;
