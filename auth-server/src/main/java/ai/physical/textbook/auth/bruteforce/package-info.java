/**
 * Abuse protection kept in Redis: failed sign-in counters per account and per client IP with progressive delay and
 * temporary lockout, and the per-IP sign-up rate limit. Thresholds are {@code textbook.bruteforce.*}.
 */
package ai.physical.textbook.auth.bruteforce;
