package ai.physical.textbook.systemtests.headers;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ai.physical.textbook.systemtests.support.Answers;
import ai.physical.textbook.systemtests.support.Http;
import ai.physical.textbook.systemtests.support.SystemStack;
import ai.physical.textbook.systemtests.support.TestClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headers and cookies of the auth-server's pages and protocol endpoints, over plain HTTP and behind a TLS-terminating
 * proxy ({@code X-Forwarded-Proto: https}, which the app trusts through {@code server.forward-headers-strategy}).
 */
class SecurityHeadersTests {

	static final String PAGE = "/signin";

	static final String EVIL_ORIGIN = "https://evil.example";

	private final Http http = Http.api(SystemStack.get().authServer().baseUrl());

	private HttpResponse<String> page(String... headers) {
		HttpResponse<String> response = this.http.get(PAGE, headers);
		assertThat(response.statusCode()).as(Answers.describe(response)).isEqualTo(200);
		return response;
	}

	private static String header(HttpResponse<String> response, String name) {
		return response.headers().firstValue(name).orElse(null);
	}

	@Test
	void whenPageServedThenMimeSniffingFramingAndCachingAreOff() {
		HttpResponse<String> response = page();

		assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(header(response, "X-Frame-Options")).isEqualTo("DENY");
		assertThat(header(response, "Cache-Control")).contains("no-store");
	}

	@Test
	void whenPageServedThenContentSecurityPolicyForbidsFramingScriptsFromElsewhereAndPlugins() {
		String csp = header(page(), "Content-Security-Policy");

		assertThat(csp).as("Content-Security-Policy").isNotNull();
		// ASVS 5.0 V3.4.3 asks for object-src 'none' and base-uri 'none'; V3.4.6 for frame-ancestors. No form-action
		// 'self': browsers apply it to the redirect after the consent form, which goes to the client's origin.
		assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'")
			.contains("base-uri 'none'");
		assertThat(directive(csp, "script-src").orElse(directive(csp, "default-src").orElseThrow()))
			.doesNotContain("'unsafe-inline'").doesNotContain("'unsafe-eval'").doesNotContain("*");
	}

	@Test
	void whenPageServedThenReferrerPolicyKeepsUrlsOnTheSite() {
		assertThat(header(page(), "Referrer-Policy")).isIn("no-referrer", "same-origin", "strict-origin",
				"strict-origin-when-cross-origin");
	}

	@Test
	void whenServedOverPlainHttpThenNoHsts() {
		assertThat(header(page(), "Strict-Transport-Security")).isNull();
	}

	@Test
	void whenServedBehindTlsThenHstsForAtLeastAYear() {
		String hsts = header(page("X-Forwarded-Proto", "https"), "Strict-Transport-Security");

		assertThat(hsts).isNotNull();
		long maxAge = Long.parseLong(hsts.replaceAll(".*max-age=(\\d+).*", "$1"));
		assertThat(maxAge).isGreaterThanOrEqualTo(31_536_000L);
		assertThat(hsts).contains("includeSubDomains");
	}

	@Test
	void whenSessionStartsOverPlainHttpThenCookieIsHttpOnlyAndSameSite() {
		String cookie = sessionCookie(page());

		assertThat(cookie).containsIgnoringCase("HttpOnly");
		assertThat(cookie).containsPattern("(?i)SameSite=(Lax|Strict)");
		assertThat(cookie).containsIgnoringCase("Path=/");
	}

	@Test
	void whenSessionStartsBehindTlsThenCookieIsAlsoSecure() {
		String cookie = sessionCookie(page("X-Forwarded-Proto", "https"));

		assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("Secure")
			.containsPattern("(?i)SameSite=(Lax|Strict)");
	}

	private static String sessionCookie(HttpResponse<String> response) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream()
			.filter((cookie) -> cookie.startsWith("SESSION=") || cookie.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No session cookie in " + cookies));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/oauth2/token", "/userinfo", "/oauth2/revoke" })
	void whenAllowedOriginPreflightsABrowserEndpointThenCorsAllowsIt(String path) {
		HttpResponse<String> response = preflight(path, TestClients.WEB_ORIGIN, "POST");

		assertThat(response.statusCode()).as(Answers.describe(response)).isBetween(200, 204);
		assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(TestClients.WEB_ORIGIN);
		assertThat(header(response, "Access-Control-Allow-Credentials")).isNotEqualTo("true");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/oauth2/token", "/userinfo", "/oauth2/revoke", "/oauth2/introspect", "/oauth2/authorize",
			"/signin", "/api/profile/00000000-0000-0000-0000-000000000000" })
	void whenUnknownOriginPreflightsThenNoCorsHeaders(String path) {
		HttpResponse<String> response = preflight(path, EVIL_ORIGIN, "POST");

		assertThat(header(response, "Access-Control-Allow-Origin")).as(Answers.describe(response)).isNull();
		Answers.assertNotServerError(response);
	}

	@Test
	void whenAllowedOriginPreflightsAuthorizeThenNoCorsHeaders() {
		HttpResponse<String> response = preflight("/oauth2/authorize", TestClients.WEB_ORIGIN, "GET");

		assertThat(header(response, "Access-Control-Allow-Origin")).as(Answers.describe(response)).isNull();
	}

	@Test
	void whenAllowedOriginCallsAuthorizeThenNoCorsHeaders() {
		HttpResponse<String> response = this.http.get("/oauth2/authorize?client_id=" + TestClients.WEB_CLIENT_ID,
				"Origin", TestClients.WEB_ORIGIN);

		assertThat(header(response, "Access-Control-Allow-Origin")).as(Answers.describe(response)).isNull();
	}

	private HttpResponse<String> preflight(String path, String origin, String method) {
		return this.http.send(this.http.request(path)
			.method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", method)
			.header("Access-Control-Request-Headers", "authorization, content-type")
			.build());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/no-such-page", "/oauth2/no-such-endpoint", "/signin/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
			"/api/profile/not-a-uuid" })
	void whenOddPathRequestedThenNoServerErrorAndNoStackTrace(String path) {
		HttpResponse<String> response = this.http.get(path, "Accept", "text/html");

		Answers.assertNotServerError(response);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/signin;jsessionid=abc", "/signin%00", "/%ff" })
	void whenFirewallRejectsPathThenFriendlyPageWithoutServerError(String path) {
		HttpResponse<String> response = this.http.get(path, "Accept", "text/html");

		Answers.assertNotServerError(response);
	}

	@Test
	void whenErrorPageIsRequestedDirectlyThenNoServerError() {
		HttpResponse<String> response = this.http.get("/error", "Accept", "text/html");

		Answers.assertNotServerError(response);
	}

	private static Optional<String> directive(String csp, String name) {
		for (String part : csp.split(";")) {
			String trimmed = part.trim();
			if (trimmed.startsWith(name + " ")) {
				return Optional.of(trimmed);
			}
		}
		return Optional.empty();
	}

}
