/**
 * Load over loopback HTTP across sign-in, token and resource endpoints: no errors beyond the designed refusals, pools
 * that recover, open files and memory that return to their baseline.
 */
package ai.physical.textbook.systemtests.load;
