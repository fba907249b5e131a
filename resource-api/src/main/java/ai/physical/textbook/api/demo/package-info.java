/**
 * The demo reader: a static page (in {@code static/}) that signs in as the public {@code textbook-web} client with
 * authorization code and PKCE and shows the reader's personalization; this package serves its configuration.
 */
package ai.physical.textbook.api.demo;
