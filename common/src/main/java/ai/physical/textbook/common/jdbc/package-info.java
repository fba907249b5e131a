/**
 * Database work units: {@link ai.physical.textbook.common.jdbc.Transactions} (roll back on any error, savepoints for
 * nested units, the row-level-security user context) and {@link ai.physical.textbook.common.jdbc.TransientRetry}
 * (retry of transient PostgreSQL failures with exponential backoff, nothing else).
 *
 * <p>Every statement run through Spring's {@code JdbcTemplate} / {@code NamedParameterJdbcTemplate} is logged at
 * debug level by the logger {@code org.springframework.jdbc.core.JdbcTemplate}; bound parameter values at trace level
 * by {@code org.springframework.jdbc.core.StatementCreatorUtils}. Switch them on with
 * {@code LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_JDBC_CORE=DEBUG}.
 */
package ai.physical.textbook.common.jdbc;
