/**
 * Errors as RFC 9457 problem details, each with a stable {@code code}: the catalogue of problems, the MVC exception
 * handler and the writer used by the security filters.
 */
package ai.physical.textbook.api.problem;
