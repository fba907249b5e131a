/**
 * JMH benchmarks of the in-process hot paths: JWT validation as resource-api does it (and the bare signature check it
 * is made of). Run by {@code bench/run.sh jmh}; never by {@code ./mvnw verify}.
 */
package ai.physical.textbook.bench.jmh;
