package ai.physical.textbook.auth.config;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import ai.physical.textbook.auth.support.AuthServerIntegrationTest;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow;
import ai.physical.textbook.auth.support.ProtocolClient;
import ai.physical.textbook.auth.support.TestSecrets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: a CSRF token that does not decode, protocol requests without client authentication, control
 * characters in protocol parameters, the content security policy, and a request for {@code /error} itself. Each used
 * to answer a 500, a bare 401 or a weaker header.
 */
@AuthServerIntegrationTest
class HardeningTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	@LocalServerPort
	int port;

	@Test
	void whenSignInCarriesACsrfTokenThatDoesNotDecodeThen403NotAServerError() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String token = csrfToken(browser.send(get("/signin").build(), HttpResponse.BodyHandlers.ofString()).body());
		// Same length as a real token, but its two halves XOR to 0xFF bytes: not UTF-8, which the stock handler
		// could not decode (IllegalArgumentException, a 500).
		int half = Base64.getUrlDecoder().decode(token).length / 2;
		byte[] forged = new byte[half * 2];
		Arrays.fill(forged, half, forged.length, (byte) 0xFF);

		HttpResponse<String> refused = browser.send(signIn(Base64.getUrlEncoder().encodeToString(forged)),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> genuine = browser.send(signIn(token), HttpResponse.BodyHandlers.ofString());

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(refused.body()).doesNotContain("Exception", "Decoding failed");
		// Control: the same form with the session's real token reaches the sign-in (generic failure redirect).
		assertThat(genuine.statusCode()).isEqualTo(302);
		assertThat(genuine.headers().firstValue("Location").orElseThrow()).contains("/signin?error");
	}

	@Test
	void whenClientEndpointsAreCalledWithoutClientAuthenticationThenRfc6749InvalidClient() {
		ProtocolClient client = new ProtocolClient(base());
		Map<String, Map<String, String>> requests = Map.of("/oauth2/token", Map.of("grant_type", "client_credentials"),
				"/oauth2/revoke", Map.of("token", "made-up"), "/oauth2/introspect", Map.of("token", "made-up"),
				"/oauth2/device_authorization", Map.of("scope", "profile"));
		requests.forEach((path, form) -> {
			HttpResponse<String> response = client.post(path, null, null, form);

			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).as(path).startsWith("Basic");
			assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(path)
				.startsWith("application/json");
			assertThat(AuthorizationCodeFlow.json(response.body())).as(path).containsEntry("error", "invalid_client");
		});
	}

	@Test
	void whenAProtocolParameterHoldsAControlCharacterThenInvalidRequestNamingItAndNoRedirect() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> authorize = http.send(get("/oauth2/authorize?response_type=code&client_id=textbook%00web"
				+ "&scope=openid&redirect_uri=" + encode("http://localhost:8081/callback.html") + "&state=s"
				+ "&code_challenge=" + "a".repeat(43) + "&code_challenge_method=S256").header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(400);
		assertThat(authorize.headers().firstValue("Location")).isEmpty();
		assertThat(authorize.body()).contains("invalid_request", "client_id").doesNotContain("Exception");

		ProtocolClient client = new ProtocolClient(base());
		HttpResponse<String> form = client.post("/oauth2/token", null, null,
				Map.of("grant_type", "client_credentials", "client_id", "textbook\u0000service", "client_secret", "x"));
		assertThat(form.statusCode()).as(form.body()).isEqualTo(400);
		assertThat(AuthorizationCodeFlow.json(form.body())).containsEntry("error", "invalid_request");
		assertThat(form.body()).contains("client_id");

		// Basic credentials are form-encoded (RFC 6749 2.3.1): %00 decodes to NUL.
		HttpResponse<String> basic = http.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString("textbook%00service:x".getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(basic.statusCode()).as(basic.body()).isEqualTo(400);
		assertThat(AuthorizationCodeFlow.json(basic.body())).containsEntry("error", "invalid_request");

		// Control: the same client without the NUL still gets its token.
		assertThat(client.clientCredentials(TestSecrets.SERVICE_CLIENT, TestSecrets.SERVICE_CLIENT_SECRET,
				"textbook.api").statusCode()).isEqualTo(200);
	}

	@Test
	void whenPagesOrProtocolErrorsAreServedThenTheContentSecurityPolicyForbidsPluginsScriptsAndFraming()
			throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> page = http.send(get("/signin").build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> protocolError = http.send(get("/oauth2/authorize?response_type=code&client_id=no-such-client"
				+ "&scope=openid&redirect_uri=" + encode("https://evil.example/cb")).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(protocolError.statusCode()).isEqualTo(400);
		for (HttpResponse<String> response : List.of(page, protocolError)) {
			assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
				.as(response.uri().getPath())
				.contains("object-src 'none'", "script-src 'none'", "frame-ancestors 'none'", "base-uri 'none'");
		}
	}

	@Test
	void whenTheErrorPathIsRequestedDirectlyThen404NotA500() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> page = http.send(get("/error").header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> json = http.send(get("/error").header("Accept", "application/json").build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Page not found").doesNotContain("999", "None");
		assertThat(json.statusCode()).isEqualTo(404);
		assertThat(json.body()).contains("404");
	}

	private HttpRequest signIn(String csrf) {
		String form = "_csrf=" + encode(csrf) + "&email=" + encode("nobody-" + UUID.randomUUID() + "@example.org")
				+ "&password=Wrong-Password-1";
		return HttpRequest.newBuilder(URI.create(base() + "/signin"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	private static String csrfToken(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
		return (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create(base() + path));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
