/**
 * Real PostgreSQL (with {@code pg_stat_statements}) and Redis for a benchmark run, kept alive until the run ends.
 */
package ai.physical.textbook.bench.infra;
