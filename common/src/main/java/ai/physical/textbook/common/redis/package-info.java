/**
 * Lettuce client options shared by both apps: reconnect after an outage, fail commands at once while disconnected
 * (so callers fall back to PostgreSQL instead of queueing), connect and command timeouts, TCP keep-alive.
 */
package ai.physical.textbook.common.redis;
