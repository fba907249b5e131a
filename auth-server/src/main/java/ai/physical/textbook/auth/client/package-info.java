/**
 * Registered OAuth2 clients, stored in PostgreSQL.
 */
package ai.physical.textbook.auth.client;
