package ai.physical.textbook.bench.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One simulated user agent: its own connection pool and cookie jar, no automatic redirects (the flows follow them
 * step by step, as a browser would, so each hop is visible).
 */
final class Http {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient client;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	Http() {
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.cookieHandler(this.cookies)
			.build();
	}

	/** Forgets every cookie: the next request is a new browser session. */
	void clearCookies() {
		this.cookies.getCookieStore().removeAll();
	}

	Response get(String url, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
		return send(request, headers);
	}

	Response postForm(String url, Map<String, String> form, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(form)));
		return send(request, headers);
	}

	Response send(String method, String url, String contentType, String body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(TIMEOUT)
			.header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofString(body));
		return send(request, headers);
	}

	private Response send(HttpRequest.Builder request, String... headers) throws IOException, InterruptedException {
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.headers().firstValue("Location").orElse(null),
				response.body(), response.uri());
	}

	static String form(Map<String, String> form) {
		StringJoiner joiner = new StringJoiner("&");
		form.forEach((key, value) -> joiner.add(encode(key) + "=" + encode(value)));
		return joiner.toString();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String basic(String clientId, String secret) {
		String pair = encode(clientId) + ":" + encode(secret);
		return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
	}

	record Response(int status, String location, String body, URI uri) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		boolean redirect() {
			return this.status >= 300 && this.status < 400 && this.location != null;
		}

		/** The Location header resolved against the request URI. */
		String absoluteLocation() {
			return this.uri.resolve(this.location).toString();
		}

	}

}
