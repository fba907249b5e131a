/**
 * Reader profiles: the software and hardware background of each user, their completion rule, and the single JOIN
 * query that reads user + profile + both backgrounds. Token claims and the profile API are built from
 * {@link ai.physical.textbook.auth.profile.CompleteProfile}.
 */
package ai.physical.textbook.auth.profile;
