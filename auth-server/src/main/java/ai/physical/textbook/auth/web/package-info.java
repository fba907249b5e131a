/**
 * Web plumbing shared by the features: RFC 9457 problem details for the JSON API (one advice, the 401/403 bodies of
 * the original plan), and the safe attributes the friendly error pages show.
 */
package ai.physical.textbook.auth.web;
