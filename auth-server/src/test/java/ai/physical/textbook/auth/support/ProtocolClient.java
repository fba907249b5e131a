package ai.physical.textbook.auth.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Back-channel calls of confidential clients (client_credentials, introspection, revocation) and public ones
 * (device flow, revocation), over real HTTP.
 */
public final class ProtocolClient {

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	public ProtocolClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** POST a form with HTTP Basic client authentication (null clientId: no authentication header). */
	public HttpResponse<String> post(String path, String clientId, String secret, Map<String, String> form) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(AuthorizationCodeFlow.form(form)));
		if (clientId != null) {
			// RFC 6749 2.3.1: client id and secret are form-encoded before Basic encoding.
			String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
					+ URLEncoder.encode(secret, StandardCharsets.UTF_8);
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return send(request);
	}

	public HttpResponse<String> clientCredentials(String clientId, String secret, String scope) {
		return post("/oauth2/token", clientId, secret, Map.of("grant_type", "client_credentials", "scope", scope));
	}

	/** Introspects as the resource API's client. */
	public Map<String, Object> introspect(String token) {
		HttpResponse<String> response = post("/oauth2/introspect", TestSecrets.RESOURCE_API_CLIENT,
				TestSecrets.RESOURCE_API_CLIENT_SECRET, Map.of("token", token));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Introspection failed: " + response.statusCode() + " " + response.body());
		}
		return AuthorizationCodeFlow.json(response.body());
	}

	public HttpResponse<String> get(String path, String bearer) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Authorization", "Bearer " + bearer)
			.GET());
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
