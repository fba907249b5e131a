/**
 * Web plumbing shared by both servlet apps: an unavailable PostgreSQL or Redis answers {@code 503} with
 * {@code Retry-After} ({@link ai.physical.textbook.common.web.DependencyUnavailableFilter}, classified by
 * {@link ai.physical.textbook.common.web.DependencyFailures}) instead of a {@code 500}, so clients and load balancers
 * know to retry and readers see "temporarily unavailable" rather than "something went wrong". Spring Security's
 * firewall checks header and parameter characters with a loop instead of a regular expression
 * ({@link ai.physical.textbook.common.web.FirewallCharacters}).
 */
package ai.physical.textbook.common.web;
