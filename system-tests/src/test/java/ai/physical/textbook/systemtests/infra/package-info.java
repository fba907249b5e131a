/**
 * Tests of the system-test harness itself: the restartable PostgreSQL keeps its port and data, Redis comes back on
 * its port, both apps start as processes against them.
 */
package ai.physical.textbook.systemtests.infra;
