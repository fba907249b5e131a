package ai.physical.textbook.systemtests.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.physical.textbook.systemtests.support.LoadDriver.Outcome;

/**
 * The requests the load and fault tests mix: each knows which answers are right, which are designed refusals, and
 * treats everything else (5xx, wrong status, leaked internals, broken connections) as an error.
 */
public final class Scenarios {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	private Scenarios() {
	}

	/** POST /oauth2/token with client_credentials for the service client; 503 problem details only if allowed. */
	public static LoadDriver.Scenario clientCredentials(String authBaseUrl) {
		return scenario("client_credentials", (http) -> {
			HttpResponse<String> response = http.send(request(authBaseUrl + "/oauth2/token")
				.header("Authorization", OAuthFlows.basic(TestClients.SERVICE_CLIENT_ID, TestClients.SERVICE_CLIENT_SECRET))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200 && response.body().contains("\"access_token\"")) {
				return Outcome.ok(200);
			}
			return cleanUnavailable(response);
		});
	}

	/** GET the personalization context with a bearer token; the statuses listed are the right answers. */
	public static LoadDriver.Scenario resourceCall(String apiBaseUrl, String name, String accessToken, int... expected) {
		return scenario("resource-api " + name, (http) -> {
			HttpResponse<String> response = http.send(request(apiBaseUrl + Paths.CONTEXT)
				.header("Authorization", "Bearer " + accessToken)
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			for (int status : expected) {
				if (response.statusCode() == status) {
					return status < 400 ? Outcome.ok(status) : Outcome.rejected(status);
				}
			}
			return cleanUnavailable(response);
		});
	}

	/** GET /signin: 200, or a clean 503 page while a dependency is down. */
	public static LoadDriver.Scenario signInPage(String authBaseUrl) {
		return scenario("sign-in page", (http) -> {
			HttpResponse<String> response = http.send(request(authBaseUrl + "/signin").header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200 && !leaks(response)) {
				return Outcome.ok(200);
			}
			return cleanUnavailable(response);
		});
	}

	/**
	 * A whole sign-in (page, then form with its CSRF token) in a fresh cookie jar. A refusal by the brute-force
	 * protection (the generic error, 429) counts as a designed refusal.
	 */
	public static LoadDriver.Scenario signIn(String authBaseUrl, String email, String password) {
		return scenario("sign-in", (ignored) -> {
			HttpClient browser = HttpClient.newBuilder()
				.cookieHandler(new java.net.CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			HttpResponse<String> page = browser.send(request(authBaseUrl + "/signin").build(),
					HttpResponse.BodyHandlers.ofString());
			if (page.statusCode() != 200) {
				return cleanUnavailable(page);
			}
			Matcher csrf = CSRF.matcher(page.body());
			if (!csrf.find()) {
				return Outcome.error(page.statusCode(), "no CSRF token on the sign-in page");
			}
			String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
			HttpResponse<String> response = browser.send(request(authBaseUrl + "/signin")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + Http.encode(token) + "&email=" + Http.encode(email)
						+ "&password=" + Http.encode(password)))
				.build(), HttpResponse.BodyHandlers.ofString());
			String location = response.headers().firstValue("Location").orElse("");
			if (response.statusCode() == 302 && !location.contains("error")) {
				return Outcome.ok(302);
			}
			if (response.statusCode() == 302 || response.statusCode() == 429) {
				return Outcome.rejected(response.statusCode());
			}
			return cleanUnavailable(response);
		});
	}

	/** GET a public document (JWK set, discovery). */
	public static LoadDriver.Scenario publicDocument(String name, String url) {
		return scenario(name, (http) -> {
			HttpResponse<String> response = http.send(request(url).build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 ? Outcome.ok(200) : cleanUnavailable(response);
		});
	}

	/** A 503 with problem details (JSON) or the friendly page (HTML) is a designed refusal; anything else an error. */
	static Outcome cleanUnavailable(HttpResponse<String> response) {
		if (response.statusCode() == 503 && !leaks(response)) {
			return Outcome.rejected(503);
		}
		String body = response.body() == null ? "" : response.body();
		return Outcome.error(response.statusCode(), body.length() > 300 ? body.substring(0, 300) : body);
	}

	static boolean leaks(HttpResponse<String> response) {
		String body = response.body() == null ? "" : response.body();
		return body.contains("Exception") || body.contains("Whitelabel") || body.contains("\tat ");
	}

	private static HttpRequest.Builder request(String url) {
		return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
	}

	@FunctionalInterface
	interface Body {

		Outcome run(HttpClient http) throws IOException, InterruptedException;

	}

	private static LoadDriver.Scenario scenario(String name, Body body) {
		return new LoadDriver.Scenario() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Outcome run(HttpClient http) throws IOException, InterruptedException {
				return body.run(http);
			}

		};
	}

}
