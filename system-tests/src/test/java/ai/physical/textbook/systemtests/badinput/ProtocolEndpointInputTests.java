package ai.physical.textbook.systemtests.badinput;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ai.physical.textbook.systemtests.support.Answers;
import ai.physical.textbook.systemtests.support.Fuzz;
import ai.physical.textbook.systemtests.support.Http;
import ai.physical.textbook.systemtests.support.SystemStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed, oversized and hostile requests to the OAuth2 protocol endpoints (token, revocation, introspection,
 * authorization): an OAuth error (RFC 6749 section 5.2 JSON or the error page), never a 5xx, and no new rows.
 */
class ProtocolEndpointInputTests {

	private final Http http = Http.api(SystemStack.get().authServer().baseUrl());

	static Stream<Arguments> malformedTokenRequests() {
		String basicGarbage = "Basic " + Base64.getEncoder().encodeToString("no-such-client:wrong".getBytes(StandardCharsets.UTF_8));
		return Stream.of(
				Arguments.of("no parameters", "application/x-www-form-urlencoded", "", null),
				Arguments.of("unknown grant type", "application/x-www-form-urlencoded", "grant_type=magic", basicGarbage),
				Arguments.of("password grant (not supported)", "application/x-www-form-urlencoded",
						"grant_type=password&username=a%40b.c&password=x&client_id=textbook-web", null),
				Arguments.of("implicit via token endpoint", "application/x-www-form-urlencoded",
						"grant_type=implicit&client_id=textbook-web", null),
				Arguments.of("client_credentials with unknown client", "application/x-www-form-urlencoded",
						"grant_type=client_credentials", basicGarbage),
				Arguments.of("authorization_code with a made-up code", "application/x-www-form-urlencoded",
						"grant_type=authorization_code&code=abc&redirect_uri=http%3A%2F%2F127.0.0.1%3A8081%2Fcb&client_id=textbook-web&code_verifier=" + "a".repeat(43), null),
				Arguments.of("refresh_token with a made-up token", "application/x-www-form-urlencoded",
						"grant_type=refresh_token&refresh_token=made-up&client_id=textbook-web", null),
				Arguments.of("JSON instead of a form", "application/json",
						"{\"grant_type\":\"client_credentials\",\"client_id\":\"x\",\"client_secret\":\"y\"}", null),
				Arguments.of("malformed JSON", "application/json", "{\"grant_type\":", null),
				Arguments.of("XML", "application/xml", "<grant_type>client_credentials</grant_type>", basicGarbage),
				Arguments.of("duplicate grant_type", "application/x-www-form-urlencoded",
						"grant_type=client_credentials&grant_type=refresh_token", basicGarbage),
				Arguments.of("Basic header that is not base64", "application/x-www-form-urlencoded",
						"grant_type=client_credentials", "Basic %%%not-base64%%%"),
				Arguments.of("Basic header without colon", "application/x-www-form-urlencoded",
						"grant_type=client_credentials", "Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8))),
				Arguments.of("SQL in client_id", "application/x-www-form-urlencoded",
						"grant_type=client_credentials&client_id=" + Http.encode("x' OR '1'='1") + "&client_secret=" + Http.encode("' OR 1=1 --"), null),
				Arguments.of("markup in every parameter", "application/x-www-form-urlencoded",
						"grant_type=" + Http.encode("<script>alert(1)</script>") + "&client_id=" + Http.encode("\"><img src=x onerror=alert(1)>") + "&scope=" + Http.encode("<svg/onload=alert(1)>"), null),
				Arguments.of("100 KiB client_id", "application/x-www-form-urlencoded",
						"grant_type=client_credentials&client_secret=x&client_id=" + "a".repeat(100 * 1024), null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedTokenRequests")
	void whenTokenRequestIsMalformedThenOAuthErrorAndNothingWritten(String name, String contentType, String body,
			String authorization) {
		Map<String, Long> before = SystemStack.get().database().dataRowCounts();

		HttpResponse<String> response = authorization == null
				? this.http.sendBytes("POST", "/oauth2/token", contentType, body.getBytes(StandardCharsets.UTF_8))
				: this.http.sendBytes("POST", "/oauth2/token", contentType, body.getBytes(StandardCharsets.UTF_8),
						"Authorization", authorization);

		Answers.assertClientError(response);
		assertThat(response.statusCode()).as(name).isIn(400, 401, 413, 415);
		assertThat(SystemStack.get().database().dataRowCounts()).as(name).isEqualTo(before);
	}

	// A token request without any client authentication used to answer 401 with an empty body and
	// "WWW-Authenticate: Bearer"; the protocol chain now answers RFC 6749 section 5.2's {"error":"invalid_client"}.
	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedTokenRequests")
	void whenTokenRequestIsMalformedThenTheAnswerIsAnOAuthErrorDocument(String name, String contentType, String body,
			String authorization) {
		HttpResponse<String> response = authorization == null
				? this.http.sendBytes("POST", "/oauth2/token", contentType, body.getBytes(StandardCharsets.UTF_8))
				: this.http.sendBytes("POST", "/oauth2/token", contentType, body.getBytes(StandardCharsets.UTF_8),
						"Authorization", authorization);

		if (response.statusCode() == 400 || response.statusCode() == 401) {
			assertThat(response.body()).as(name + ": " + Answers.describe(response)).contains("\"error\"");
		}
	}

	@Test
	void whenTokenRequestBodyIsHugeThenRejectedWithoutServerError() {
		byte[] body = ("grant_type=client_credentials&pad=" + "x".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);

		HttpResponse<String> response = this.http.sendBytes("POST", "/oauth2/token",
				"application/x-www-form-urlencoded", body);

		Answers.assertClientError(response);
	}

	@Test
	void whenTokenRequestIsNotUtf8ThenRejectedWithoutServerError() {
		Fuzz fuzz = Fuzz.create();
		fuzz.check("invalid UTF-8 in token requests", 20, (f) -> {
			byte[] value = f.invalidUtf8();
			byte[] prefix = "grant_type=client_credentials&client_id=".getBytes(StandardCharsets.US_ASCII);
			byte[] body = new byte[prefix.length + value.length];
			System.arraycopy(prefix, 0, body, 0, prefix.length);
			System.arraycopy(value, 0, body, prefix.length, value.length);

			HttpResponse<String> response = this.http.sendBytes("POST", "/oauth2/token",
					"application/x-www-form-urlencoded; charset=UTF-8", body);

			Answers.assertClientError(response);
		});
	}

	@Test
	void propertyTokenEndpointAnswersEveryHostileFormWithAnOAuthError() {
		List<String> grants = List.of("client_credentials", "authorization_code", "refresh_token",
				"urn:ietf:params:oauth:grant-type:device_code", "password", "implicit", "");
		Fuzz fuzz = Fuzz.create();
		fuzz.check("token endpoint", Fuzz.tries(60), (f) -> {
			Map<String, String> form = new LinkedHashMap<>();
			form.put("grant_type", f.nextBoolean() ? f.oneOf(grants) : f.hostileString(200));
			for (String parameter : List.of("client_id", "client_secret", "code", "redirect_uri", "code_verifier",
					"refresh_token", "scope", "device_code")) {
				if (f.nextBoolean()) {
					form.put(parameter, f.hostileString(f.nextBoolean() ? 64 : 4096));
				}
			}
			String[] headers = f.nextBoolean() ? new String[0]
					: new String[] { "Authorization", "Basic " + Base64.getEncoder()
						.encodeToString((f.hostileString(40) + ":" + f.hostileString(40)).getBytes(StandardCharsets.UTF_8)) };

			HttpResponse<String> response = this.http.postForm("/oauth2/token", form, headers);

			Answers.assertClientError(response);
			assertThat(response.statusCode()).as(Answers.describe(response)).isIn(400, 401);
		});
	}

	@Test
	void propertyRevocationAndIntrospectionRefuseHostileRequestsWithoutClientAuthentication() {
		Fuzz fuzz = Fuzz.create();
		fuzz.check("revocation and introspection", Fuzz.tries(30), (f) -> {
			String path = f.oneOf(List.of("/oauth2/revoke", "/oauth2/introspect"));
			Map<String, String> form = new LinkedHashMap<>();
			form.put("token", f.hostileString(2048));
			if (f.nextBoolean()) {
				form.put("token_type_hint", f.hostileString(40));
			}
			if (f.nextBoolean()) {
				form.put("client_id", f.hostileString(60));
			}

			HttpResponse<String> response = this.http.postForm(path, form);

			Answers.assertClientError(response);
			assertThat(response.statusCode()).as(Answers.describe(response)).isIn(400, 401);
		});
	}

	// Fuzz seed 7034213827320 once found a client_id with a NUL byte reaching PostgreSQL (a 500); the protocol
	// chain's parameter guard now refuses control characters in every parameter with invalid_request first.
	@Test
	void propertyAuthorizationEndpointNeverRedirectsToAnUnregisteredPlace() {
		Fuzz fuzz = Fuzz.create();
		String issuerOrigin = this.http.baseUrl();
		fuzz.check("authorization endpoint", Fuzz.tries(60), (f) -> {
			Map<String, String> query = new LinkedHashMap<>();
			query.put("response_type", f.nextBoolean() ? "code" : f.hostileString(30));
			query.put("client_id", f.nextBoolean() ? "textbook-web" : f.hostileString(60));
			query.put("redirect_uri", f.oneOf(OpenRedirectTests.EVIL_REDIRECTS) + (f.nextBoolean() ? "" : f.hostileString(20)));
			query.put("scope", f.nextBoolean() ? "openid profile" : f.hostileString(80));
			query.put("state", f.hostileString(100));
			if (f.nextBoolean()) {
				query.put("code_challenge", f.hostileString(60));
				query.put("code_challenge_method", f.oneOf(List.of("S256", "plain", "none", f.hostileString(10))));
			}

			HttpResponse<String> response = this.http.get("/oauth2/authorize?" + Http.formBody(query), "Accept",
					"text/html");

			Answers.assertNotServerError(response);
			response.headers().firstValue("Location").ifPresent((location) -> assertThat(
					location.startsWith("/") && !location.startsWith("//") || location.startsWith(issuerOrigin + "/"))
				.as("redirects only within the issuer: " + location)
				.isTrue());
		});
	}

}
