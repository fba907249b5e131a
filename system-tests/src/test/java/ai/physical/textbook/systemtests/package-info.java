/**
 * System tests: auth-server and resource-api run as real child processes from their executable jars, on a real
 * PostgreSQL and Redis (and behind nginx for the two-instance scenarios). Faults are injected into the real servers
 * (Redis stopped, PostgreSQL restarted, an instance killed), load is applied over loopback HTTP, and bad input is sent
 * to every form, JSON and protocol endpoint. See docs/security.md for what each test proves.
 */
package ai.physical.textbook.systemtests;
