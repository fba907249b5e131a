/**
 * Realistic data for a run: users with complete profiles, and filler rows for the authorization-table scale scenario.
 */
package ai.physical.textbook.bench.seed;
