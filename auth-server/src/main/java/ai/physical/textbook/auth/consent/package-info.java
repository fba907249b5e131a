/**
 * The consent page of the authorization code and device flows.
 */
package ai.physical.textbook.auth.consent;
