/**
 * The operational foundation shared by auth-server and resource-api. Nothing here is a feature: it turns the
 * environment ({@code DATABASE_URL}, {@code REDIS_URL}, {@code LOG_FORMAT}) into Spring properties, runs database work
 * in transactions that retry transient failures, tunes the Redis client, adds database pool state to readiness, and
 * answers 503 instead of 500 while PostgreSQL or Redis is unavailable.
 * Everything is wired by auto-configuration, so an app only needs this module on its classpath.
 */
package ai.physical.textbook.common;
