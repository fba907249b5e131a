/**
 * Cross-cutting configuration of resource-api: its settings and the OpenAPI description.
 */
package ai.physical.textbook.api.config;
