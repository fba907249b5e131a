/**
 * The benchmark harness behind {@code bench/run.sh}: one entry point ({@link ai.physical.textbook.bench.Main}) whose
 * sub-commands start the infrastructure, load data, drive multi-step load, measure the raw password-hash rate, write the
 * report and run the JMH benchmarks. Nothing here runs during {@code ./mvnw verify} except the harness's own fast tests.
 */
package ai.physical.textbook.bench;
