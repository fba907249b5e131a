/**
 * Real PostgreSQL and Redis for integration tests and for the local launcher: Testcontainers when a Docker engine is
 * available, embedded real binaries otherwise, started once per JVM on random free ports.
 */
package ai.physical.textbook.testsupport;
