/**
 * The multi-step load generator (closed loop, fixed concurrency, bounded in time and count, HdrHistogram latencies)
 * for the scenarios wrk cannot express: the browser sign-in with cookies, CSRF and PKCE, refresh-token rotation,
 * revocation, cache misses and profile writes; and the raw password-hash rate the sign-in is compared with.
 * Every target is a loopback address.
 */
package ai.physical.textbook.bench.load;
