package ai.physical.textbook.systemtests.support;

import java.util.Map;

/**
 * The OAuth clients the system tests use, as registered with the auth-server under test.
 */
public final class TestClients {

	/** The public browser client of the textbook (authorization code + PKCE + refresh). */
	public static final String WEB_CLIENT_ID = "textbook-web";

	/** A redirect URI registered for {@link #WEB_CLIENT_ID}. */
	public static final String WEB_REDIRECT_URI = "http://127.0.0.1:8081/login/oauth2/code/textbook-web";

	/** The scopes the textbook web app asks for. */
	public static final String WEB_SCOPES = "openid profile email";

	/** The confidential service client (client_credentials). */
	public static final String SERVICE_CLIENT_ID = "textbook-service";

	/** Its secret, given to the auth-server under test through configuration (never a real secret). */
	public static final String SERVICE_CLIENT_SECRET = "system-tests-service-secret-" + java.util.UUID.randomUUID();

	/** A browser origin allowed to call the token, userinfo and revocation endpoints. */
	public static final String WEB_ORIGIN = "http://127.0.0.1:8081";

	private TestClients() {
	}

	/** Properties that register the test clients with an auth-server process. */
	static Map<String, String> authServerProperties() {
		return Map.of();
	}

}
