/**
 * Faults injected into the real servers while the apps are under load: Redis stopped and restarted, PostgreSQL
 * restarted, an auth-server instance killed or stopped behind nginx, a missing or wrong key-encryption key.
 */
package ai.physical.textbook.systemtests.faults;
