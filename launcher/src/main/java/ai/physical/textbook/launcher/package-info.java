/**
 * The local launcher behind {@code ./run}: embedded PostgreSQL (data kept in {@code .data/postgres}) and Redis when
 * no {@code DATABASE_URL} / {@code REDIS_URL} is configured, a key-encryption key kept in {@code .data/kek}, then
 * auth-server and resource-api as child JVMs, each waited for until ready. Ctrl-C stops everything.
 */
package ai.physical.textbook.launcher;
