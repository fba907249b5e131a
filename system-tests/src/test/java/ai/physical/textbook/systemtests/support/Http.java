package ai.physical.textbook.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small HTTP client for the system tests: never follows redirects (tests assert where they point), optionally keeps
 * cookies like a browser, and reads the CSRF token of the last HTML page it received.
 */
public final class Http {

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	private final HttpClient client;

	private final String baseUrl;

	private volatile String lastCsrfToken;

	private Http(HttpClient client, String baseUrl) {
		this.client = client;
		this.baseUrl = baseUrl;
	}

	/** A client without cookies, as an API client or a script. */
	public static Http api(String baseUrl) {
		return new Http(builder().build(), baseUrl);
	}

	/** A client with its own cookie jar, as one browser. */
	public static Http browser(String baseUrl) {
		return new Http(builder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build(), baseUrl);
	}

	private static HttpClient.Builder builder() {
		return HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.version(HttpClient.Version.HTTP_1_1);
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	/** A request builder for a path (or an absolute URL) with a 30 s timeout. */
	public HttpRequest.Builder request(String pathOrUrl) {
		String url = pathOrUrl.startsWith("http") ? pathOrUrl : this.baseUrl + pathOrUrl;
		return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			rememberCsrfToken(response);
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	public HttpResponse<String> get(String pathOrUrl, String... headers) {
		HttpRequest.Builder builder = request(pathOrUrl).GET();
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return send(builder.build());
	}

	/** POSTs an urlencoded form. */
	public HttpResponse<String> postForm(String pathOrUrl, Map<String, String> form, String... headers) {
		HttpRequest.Builder builder = request(pathOrUrl).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formBody(form)));
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return send(builder.build());
	}

	/** Sends raw bytes with the given method and content type (for malformed bodies and invalid UTF-8). */
	public HttpResponse<String> sendBytes(String method, String pathOrUrl, String contentType, byte[] body,
			String... headers) {
		HttpRequest.Builder builder = request(pathOrUrl).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return send(builder.build());
	}

	/** The CSRF token of the last HTML page this client received, if any. */
	public String csrfToken() {
		return this.lastCsrfToken;
	}

	public static String formBody(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private void rememberCsrfToken(HttpResponse<String> response) {
		String contentType = response.headers().firstValue("Content-Type").orElse("");
		if (!contentType.startsWith("text/html") || response.body() == null) {
			return;
		}
		Matcher matcher = CSRF_INPUT.matcher(response.body());
		if (matcher.find()) {
			this.lastCsrfToken = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
		}
	}

}
