/**
 * Connection settings from the environment: {@code DATABASE_URL} (JDBC or {@code postgresql://} as hosted PostgreSQL
 * providers such as Neon hand it out), {@code REDIS_URL} ({@code redis://} / {@code rediss://}) and {@code LOG_FORMAT},
 * translated into Spring properties by an {@link org.springframework.boot.EnvironmentPostProcessor}, plus the
 * operational defaults (readiness and liveness groups) both apps share.
 */
package ai.physical.textbook.common.env;
