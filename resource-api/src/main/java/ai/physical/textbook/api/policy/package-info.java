/**
 * Who may call what: the seed's authorization policies with inheritance, the endpoint-to-policy table, the security
 * filter chains, the problem bodies of denials and the batched authorization decision log.
 */
package ai.physical.textbook.api.policy;
