/**
 * Response headers and cookies of the auth-server as a browser sees them: content security policy, framing,
 * referrer policy, MIME sniffing, HSTS behind TLS, CORS only where a browser client needs it, session cookie flags.
 */
package ai.physical.textbook.systemtests.headers;
