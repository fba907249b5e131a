/**
 * The harness of the system tests: the shared servers of the test JVM ({@link ai.physical.textbook.systemtests.support.SystemStack}),
 * app processes, nginx, an HTTP client with a cookie jar, database snapshots and a bounded load driver.
 */
package ai.physical.textbook.systemtests.support;
