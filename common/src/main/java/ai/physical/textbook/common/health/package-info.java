/**
 * Health of the database connection pool ({@code dbPool}), part of the readiness group together with {@code db} and
 * {@code redis}; liveness checks only the application's own state.
 */
package ai.physical.textbook.common.health;
