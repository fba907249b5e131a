package ai.physical.textbook.systemtests.support;

import java.util.Map;

/**
 * The OAuth clients the system tests use, as registered with the auth-server under test.
 */
public final class TestClients {

	/** The public browser client of the textbook (authorization code + PKCE + refresh). */
	public static final String WEB_CLIENT_ID = "textbook-web";

	/** A redirect URI registered for {@link #WEB_CLIENT_ID}. */
	public static final String WEB_REDIRECT_URI = "http://127.0.0.1:8081/callback.html";

	/** A post-logout redirect URI registered for {@link #WEB_CLIENT_ID}. */
	public static final String WEB_POST_LOGOUT_URI = "http://127.0.0.1:8081/";

	/** The scopes the textbook web app asks for. */
	public static final String WEB_SCOPES = "openid profile email";

	/** The confidential service client (client_credentials). */
	public static final String SERVICE_CLIENT_ID = "textbook-service";

	/** Its secret, given to the auth-server under test through the environment (random per test JVM, ≥ 43 chars). */
	public static final String SERVICE_CLIENT_SECRET = "system-tests-service-" + java.util.UUID.randomUUID();

	/** The resource-api's introspection client secret (random per test JVM). */
	public static final String INTROSPECTION_CLIENT_SECRET = "system-tests-introspection-" + java.util.UUID.randomUUID();

	/** A browser origin allowed to call the token, userinfo and revocation endpoints. */
	public static final String WEB_ORIGIN = "http://127.0.0.1:8081";

	private TestClients() {
	}

	/** Properties that register the test clients with an auth-server process. */
	static Map<String, String> authServerProperties() {
		return Map.of();
	}

	/** Environment variables that register the test clients (docs/authentication-guide.md: clients from configuration). */
	static Map<String, String> authServerEnvironment() {
		return Map.of("TEXTBOOK_SERVICE_CLIENT_SECRET", SERVICE_CLIENT_SECRET, "RESOURCE_API_CLIENT_SECRET",
				INTROSPECTION_CLIENT_SECRET, "TEXTBOOK_WEB_REDIRECT_URIS", WEB_REDIRECT_URI,
				"TEXTBOOK_WEB_POST_LOGOUT_URIS", WEB_POST_LOGOUT_URI,
				// The web client's origin may call the token, revocation and userinfo endpoints (CORS).
				"TEXTBOOK_CORS_ALLOWED_ORIGINS", WEB_ORIGIN,
				// Every request of these tests comes from 127.0.0.1: the per-IP limits (signups per hour, failed
				// sign-ins per IP) would turn one test's traffic into the next test's lockout. The per-account limits
				// stay as configured; the limits themselves are proven by the accounts feature's tests.
				"TEXTBOOK_SIGNUPS_PER_IP", "1000000", "TEXTBOOK_BRUTEFORCE_IP_LOCK_AFTER", "1000000");
	}

}
