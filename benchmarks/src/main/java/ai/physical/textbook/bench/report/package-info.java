/**
 * Turns a run's raw files ({@code results.tsv}, {@code meta.tsv}, {@code jmh.csv}) into the markdown table and the
 * PNG charts of {@code docs/benchmarks/} (charts drawn by gnuplot).
 */
package ai.physical.textbook.bench.report;
