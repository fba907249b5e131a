package ai.physical.textbook.systemtests.support;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flows a reader's browser and the textbook's clients go through, over real HTTP: sign up, sign in, the
 * authorization-code flow with PKCE, refresh, client credentials, revocation. Used by the fault, load and bad-input
 * tests so each of them states only what it checks.
 */
public final class OAuthFlows {

	/** A password that passes the policy (length, classes, not a common password). */
	public static final String PASSWORD = "Robot-Arm-7-Kinematics";

	private static final Pattern JSON_STRING = Pattern.compile("\"%s\"\\s*:\\s*\"([^\"]*)\"");

	private final String baseUrl;

	public OAuthFlows(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	/** Tokens from the token endpoint. */
	public record Tokens(String accessToken, String refreshToken, String idToken) {
	}

	/** A reader with a browser session (cookie jar) on the auth-server. */
	public record Reader(String email, String password, Http browser) {
	}

	public static String uniqueEmail(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
	}

	/** Signs a new reader up through the signup page; the browser is signed in afterwards. */
	public Reader signUp(String email) {
		Http browser = Http.browser(this.baseUrl);
		HttpResponse<String> page = browser.get("/signup");
		assertThat(page.statusCode()).as(Answers.describe(page)).isEqualTo(200);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", browser.csrfToken());
		form.put("email", email);
		form.put("name", "Reader " + email.substring(0, 6));
		form.put("password", PASSWORD);
		form.put("confirmPassword", PASSWORD);
		HttpResponse<String> response = browser.postForm("/signup", form);
		assertThat(response.statusCode()).as(Answers.describe(response)).isEqualTo(302);
		return new Reader(email, PASSWORD, browser);
	}

	/** Signs an existing reader in through the sign-in page with a fresh browser. */
	public Reader signIn(String email, String password) {
		Http browser = Http.browser(this.baseUrl);
		HttpResponse<String> response = postSignIn(browser, email, password);
		assertThat(response.statusCode()).as(Answers.describe(response)).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).as(Answers.describe(response))
			.doesNotContain("error");
		return new Reader(email, password, browser);
	}

	/** Posts the sign-in form (after loading it for its CSRF token) and returns the raw answer. */
	public HttpResponse<String> postSignIn(Http browser, String email, String password) {
		HttpResponse<String> page = browser.get("/signin");
		assertThat(page.statusCode()).as(Answers.describe(page)).isEqualTo(200);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", browser.csrfToken());
		form.put("email", email);
		form.put("password", password);
		return browser.postForm("/signin", form);
	}

	/** A PKCE verifier and its S256 challenge. */
	public record Pkce(String verifier, String challenge) {

		public static Pkce create() {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
				return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** An authorization code and the verifier that redeems it. */
	public record Code(String code, Pkce pkce) {
	}

	/** Runs the authorization request in the reader's browser (consenting if asked) and returns the code. */
	public Code authorize(Http browser, String clientId, String redirectUri, String scope) {
		Pkce pkce = Pkce.create();
		String state = UUID.randomUUID().toString();
		Map<String, String> query = new LinkedHashMap<>();
		query.put("response_type", "code");
		query.put("client_id", clientId);
		query.put("redirect_uri", redirectUri);
		query.put("scope", scope);
		query.put("state", state);
		query.put("code_challenge", pkce.challenge());
		query.put("code_challenge_method", "S256");
		HttpResponse<String> response = browser.get(this.baseUrl + "/oauth2/authorize?" + Http.formBody(query), "Accept",
				"text/html");
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() == 302 && location.contains("/consent?")) {
			response = consent(browser, location);
			location = response.headers().firstValue("Location").orElse("");
		}
		assertThat(response.statusCode()).as(Answers.describe(response)).isEqualTo(302);
		assertThat(location).as("redirect to the client").startsWith(redirectUri);
		Map<String, String> parameters = queryParameters(URI.create(location));
		assertThat(parameters.get("state")).isEqualTo(state);
		return new Code(parameters.get("code"), pkce);
	}

	/** Loads the consent page and approves everything its first form offers. */
	private HttpResponse<String> consent(Http browser, String location) {
		HttpResponse<String> page = browser.get(location.startsWith("http") ? location : this.baseUrl + location,
				"Accept", "text/html");
		assertThat(page.statusCode()).as(Answers.describe(page)).isEqualTo(200);
		String html = page.body();
		int formEnd = html.indexOf("</form>");
		String form = html.substring(html.indexOf("<form"), formEnd < 0 ? html.length() : formEnd);
		Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form);
		String target = action.find() ? action.group(1).replace("&amp;", "&") : "/oauth2/authorize";
		StringBuilder body = new StringBuilder();
		Matcher input = Pattern.compile("<input[^>]*>").matcher(form);
		while (input.find()) {
			Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(input.group());
			Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
			if (name.find() && value.find()) {
				body.append(body.length() == 0 ? "" : "&").append(Http.encode(name.group(1))).append('=')
					.append(Http.encode(value.group(1).replace("&amp;", "&")));
			}
		}
		if (!body.toString().contains("_csrf=")) {
			body.append("&_csrf=").append(Http.encode(browser.csrfToken()));
		}
		return browser.send(browser.request(target.startsWith("http") ? target : this.baseUrl + target)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString()))
			.build());
	}

	/** Redeems a code for tokens as the public client (PKCE, no secret). */
	public HttpResponse<String> redeem(String clientId, String redirectUri, Code code) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("client_id", clientId);
		form.put("code", code.code());
		form.put("redirect_uri", redirectUri);
		form.put("code_verifier", code.pkce().verifier());
		return Http.api(this.baseUrl).postForm("/oauth2/token", form, "Accept", "application/json");
	}

	/** Refreshes as the public client. */
	public HttpResponse<String> refresh(String clientId, String refreshToken) {
		return Http.api(this.baseUrl)
			.postForm("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token",
					refreshToken), "Accept", "application/json");
	}

	/** A client_credentials token request with HTTP Basic client authentication. */
	public HttpResponse<String> clientCredentials(String clientId, String secret, String scope) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		if (scope != null) {
			form.put("scope", scope);
		}
		return Http.api(this.baseUrl).postForm("/oauth2/token", form, "Authorization", basic(clientId, secret), "Accept",
				"application/json");
	}

	/** Revokes a token as the public client (RFC 7009). */
	public HttpResponse<String> revoke(String clientId, String token, String hint) {
		return Http.api(this.baseUrl)
			.postForm("/oauth2/revoke", Map.of("client_id", clientId, "token", token, "token_type_hint", hint), "Accept",
					"application/json");
	}

	/** The full browser flow for a new reader: sign up, authorize, redeem; returns the tokens. */
	public Tokens newReaderTokens(String email) {
		Reader reader = signUp(email);
		Code code = authorize(reader.browser(), TestClients.WEB_CLIENT_ID, TestClients.WEB_REDIRECT_URI,
				TestClients.WEB_SCOPES);
		HttpResponse<String> response = redeem(TestClients.WEB_CLIENT_ID, TestClients.WEB_REDIRECT_URI, code);
		assertThat(response.statusCode()).as(Answers.describe(response)).isEqualTo(200);
		return tokens(response.body());
	}

	public static Tokens tokens(String json) {
		return new Tokens(jsonString(json, "access_token"), jsonString(json, "refresh_token"), jsonString(json, "id_token"));
	}

	public static String jsonString(String json, String name) {
		Matcher matcher = Pattern.compile(JSON_STRING.pattern().formatted(Pattern.quote(name))).matcher(json);
		return matcher.find() ? matcher.group(1) : null;
	}

	public static String basic(String clientId, String secret) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((Http.encode(clientId) + ":" + Http.encode(secret)).getBytes(StandardCharsets.UTF_8));
	}

	public static Map<String, String> queryParameters(URI uri) {
		Map<String, String> parameters = new LinkedHashMap<>();
		String query = uri.getRawQuery();
		if (query == null) {
			return parameters;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			parameters.put(key, value);
		}
		return parameters;
	}

}
