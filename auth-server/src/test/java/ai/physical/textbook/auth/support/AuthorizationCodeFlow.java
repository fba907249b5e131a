package ai.physical.textbook.auth.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the browser side of OAuth2 over real HTTP with a cookie-keeping client: sign in on {@code /signin} (CSRF
 * token from the form), {@code /oauth2/authorize} with PKCE S256, the consent page when the client needs it, and the
 * code exchange at {@code /oauth2/token}. One instance is one browser (one session); create another for another user.
 *
 * <pre>{@code
 * AuthorizationCodeFlow browser = new AuthorizationCodeFlow("http://localhost:" + port);
 * browser.signIn(user.email(), user.password());
 * Tokens tokens = browser.authorizeAndExchange("textbook-web", "http://localhost:8081/callback.html", "openid profile");
 * }</pre>
 */
public final class AuthorizationCodeFlow {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern CSRF_REVERSED = Pattern.compile("value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String baseUrl;

	private final HttpClient http;

	private final SecureRandom random = new SecureRandom();

	public AuthorizationCodeFlow(String baseUrl) {
		this.baseUrl = baseUrl;
		CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	/** Signs in with the form of {@code /signin}; fails unless the server accepted the credentials. */
	public void signIn(String email, String password) {
		HttpResponse<String> page = get("/signin");
		if (page.statusCode() != 200) {
			throw new IllegalStateException("GET /signin answered " + page.statusCode() + " " + page.headers().map());
		}
		String csrf = csrfToken(page.body());
		HttpResponse<String> response = postForm("/signin", Map.of("email", email, "password", password, "_csrf", csrf));
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("Sign-in failed: " + response.statusCode() + " " + location);
		}
	}

	/** A fresh PKCE pair (verifier, S256 challenge). */
	public Pkce pkce() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new Pkce(verifier, s256(verifier));
	}

	/**
	 * Sends an authorization request and follows the consent page if there is one.
	 * @param extraParameters parameters added to or replacing the defaults (response_type, client_id,
	 * redirect_uri, scope, state, code_challenge, code_challenge_method); a null value removes a default
	 * @return the last response of the authorization endpoint (normally a 302 to the redirect URI)
	 */
	public HttpResponse<String> authorize(String clientId, String redirectUri, String scope, Pkce pkce,
			Map<String, String> extraParameters) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("response_type", "code");
		parameters.put("client_id", clientId);
		parameters.put("redirect_uri", redirectUri);
		parameters.put("scope", scope);
		parameters.put("state", "st-" + this.random.nextInt(1_000_000));
		parameters.put("code_challenge", pkce.challenge());
		parameters.put("code_challenge_method", "S256");
		extraParameters.forEach((name, value) -> {
			if (value == null) {
				parameters.remove(name);
			}
			else {
				parameters.put(name, value);
			}
		});
		HttpResponse<String> response = get("/oauth2/authorize?" + form(parameters));
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() == 302 && location.contains("/consent?")) {
			return approveConsent(location);
		}
		return response;
	}

	/**
	 * Approves everything on the consent page at {@code location} and returns the protocol endpoint's response.
	 */
	public HttpResponse<String> approveConsent(String location) {
		HttpResponse<String> consent = get(relative(location));
		if (consent.statusCode() != 200) {
			throw new IllegalStateException("Consent page answered " + consent.statusCode());
		}
		Map<String, String> query = query(URI.create(location).getRawQuery());
		StringBuilder body = new StringBuilder();
		body.append("client_id=").append(encode(query.get("client_id")));
		body.append("&state=").append(encode(query.get("state")));
		if (query.containsKey("user_code")) {
			body.append("&user_code=").append(encode(query.get("user_code")));
		}
		for (String scope : query.getOrDefault("scope", "").split(" ")) {
			if (!scope.isBlank() && !"openid".equals(scope)) {
				body.append("&scope=").append(encode(scope));
			}
		}
		Matcher action = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\" id=\"consent-form\"")
			.matcher(consent.body());
		String path = action.find() ? action.group(1) : "/oauth2/authorize";
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
	}

	/** The code from a redirect to the client; fails when the redirect carries an error. */
	public static String code(HttpResponse<String> authorizationResponse) {
		String location = authorizationResponse.headers().firstValue("Location").orElseThrow(
				() -> new IllegalStateException("No redirect: " + authorizationResponse.statusCode() + " "
						+ authorizationResponse.body()));
		Map<String, String> query = query(URI.create(location).getRawQuery());
		if (!query.containsKey("code")) {
			throw new IllegalStateException("No code in " + location);
		}
		return query.get("code");
	}

	/** Exchanges a code for tokens as a public client. */
	public HttpResponse<String> exchange(String clientId, String redirectUri, String code, String verifier) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("grant_type", "authorization_code");
		parameters.put("client_id", clientId);
		parameters.put("redirect_uri", redirectUri);
		parameters.put("code", code);
		if (verifier != null) {
			parameters.put("code_verifier", verifier);
		}
		return postForm("/oauth2/token", parameters);
	}

	/** Sign-in already done: authorize with PKCE, consent if asked, exchange the code; fails on any error. */
	public Tokens authorizeAndExchange(String clientId, String redirectUri, String scope) {
		Pkce pkce = pkce();
		String code = code(authorize(clientId, redirectUri, scope, pkce, Map.of()));
		HttpResponse<String> response = exchange(clientId, redirectUri, code, pkce.verifier());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Token exchange failed: " + response.statusCode() + " " + response.body());
		}
		return Tokens.of(response.body());
	}

	/** Refreshes as a public client. */
	public HttpResponse<String> refresh(String clientId, String refreshToken) {
		return postForm("/oauth2/token",
				Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken));
	}

	public HttpResponse<String> get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + pathAndQuery)).GET());
	}

	public HttpResponse<String> postForm(String path, Map<String, String> parameters) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(parameters))));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The CSRF token of the first form of an HTML page. */
	public static String csrfToken(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (matcher.find()) {
			return matcher.group(1);
		}
		matcher = CSRF_REVERSED.matcher(html);
		if (matcher.find()) {
			return matcher.group(1);
		}
		throw new IllegalStateException("No CSRF token in page");
	}

	public static String form(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	public static Map<String, String> query(String rawQuery) {
		Map<String, String> map = new LinkedHashMap<>();
		if (rawQuery == null) {
			return map;
		}
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals >= 0) ? pair.substring(0, equals) : pair, StandardCharsets.UTF_8);
			String value = (equals >= 0) ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8) : "";
			map.put(name, value);
		}
		return map;
	}

	public static Map<String, Object> json(String body) {
		return json.readValue(body, new TypeReference<Map<String, Object>>() {
		});
	}

	private String relative(String location) {
		return location.startsWith(this.baseUrl) ? location.substring(this.baseUrl.length()) : location;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A PKCE pair.
	 *
	 * @param verifier the code verifier, sent at the token endpoint
	 * @param challenge its S256 challenge, sent at the authorization endpoint
	 */
	public record Pkce(String verifier, String challenge) {

	}

	/**
	 * A token response.
	 *
	 * @param accessToken the JWT access token
	 * @param refreshToken the opaque refresh token, may be null
	 * @param idToken the ID token, null without the openid scope
	 * @param raw every member of the response
	 */
	public record Tokens(String accessToken, String refreshToken, String idToken, Map<String, Object> raw) {

		public static Tokens of(String body) {
			Map<String, Object> raw = json(body);
			return new Tokens((String) raw.get("access_token"), (String) raw.get("refresh_token"),
					(String) raw.get("id_token"), raw);
		}

	}

}
