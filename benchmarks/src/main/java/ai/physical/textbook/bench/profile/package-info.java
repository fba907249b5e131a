/**
 * Reads Java Flight Recorder files of a profiled run into the few lines that explain where the CPU went.
 */
package ai.physical.textbook.bench.profile;
