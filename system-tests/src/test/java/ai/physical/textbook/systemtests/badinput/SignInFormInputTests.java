package ai.physical.textbook.systemtests.badinput;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ai.physical.textbook.systemtests.support.Answers;
import ai.physical.textbook.systemtests.support.Fuzz;
import ai.physical.textbook.systemtests.support.Http;
import ai.physical.textbook.systemtests.support.SystemStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in and signup forms against missing or forged CSRF tokens and hostile credentials: 403 without a valid
 * token, the generic "wrong email or password" answer for anything else, never a 5xx, and no data row written.
 */
class SignInFormInputTests {

	private final String baseUrl = SystemStack.get().authServer().baseUrl();

	@ParameterizedTest
	@ValueSource(strings = { "/signin", "/signup", "/profile", "/logout" })
	void whenFormIsPostedWithoutCsrfTokenThen403AndNothingWritten(String path) {
		Map<String, Long> before = SystemStack.get().database().dataRowCounts();
		Http browser = Http.browser(this.baseUrl);
		browser.get("/signin");

		HttpResponse<String> response = browser.postForm(path,
				Map.of("email", "reader@example.org", "password", "Robot-Arm-7-Kinematics", "name", "Reader"));

		assertThat(response.statusCode()).as(Answers.describe(response)).isEqualTo(403);
		Answers.assertNoLeak(response);
		assertThat(SystemStack.get().database().dataRowCounts()).isEqualTo(before);
	}

	// Spring Security 7.0.6's XorCsrfTokenRequestAttributeHandler throws IllegalArgumentException("Decoding failed")
	// when a tampered token XORs to invalid UTF-8 (a 500); the auth-server's TamperTolerantCsrfTokenRequestHandler
	// resolves such a token as none, so CsrfFilter refuses it with 403.
	@Test
	void whenSignInIsPostedWithAForgedCsrfTokenThen403() {
		Http browser = Http.browser(this.baseUrl);
		browser.get("/signin");
		String token = browser.csrfToken();
		assertThat(token).isNotBlank();
		String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

		HttpResponse<String> response = browser.postForm("/signin",
				Map.of("_csrf", forged, "email", "reader@example.org", "password", "whatever"));

		assertThat(response.statusCode()).as(Answers.describe(response)).isEqualTo(403);
	}

	@Test
	void whenSignInIsPostedWithAnotherSessionsCsrfTokenThen403() {
		Http attacker = Http.browser(this.baseUrl);
		attacker.get("/signin");
		Http victim = Http.browser(this.baseUrl);
		victim.get("/signin");

		HttpResponse<String> response = victim.postForm("/signin",
				Map.of("_csrf", attacker.csrfToken(), "email", "reader@example.org", "password", "whatever"));

		assertThat(response.statusCode()).as(Answers.describe(response)).isEqualTo(403);
	}

	@Test
	void propertyHostileCredentialsGetTheGenericAnswerAndChangeNothing() {
		Map<String, Long> before = SystemStack.get().database().dataRowCounts();
		Http browser = Http.browser(this.baseUrl);
		Fuzz fuzz = Fuzz.create();
		fuzz.check("sign-in form", Fuzz.tries(25), (f) -> {
			HttpResponse<String> page = browser.get("/signin");
			assertThat(page.statusCode()).isEqualTo(200);
			Map<String, String> form = new LinkedHashMap<>();
			form.put("_csrf", browser.csrfToken());
			form.put("email", f.nextBoolean() ? f.hostileString(300) : f.hostileString(20) + "@example.org");
			form.put("password", f.hostileString(f.nextBoolean() ? 64 : 5000));

			HttpResponse<String> response = browser.postForm("/signin", form);

			Answers.assertNotServerError(response);
			// The generic failure (redirect back to the form with an error flag), or a designed refusal (429).
			assertThat(response.statusCode()).as(Answers.describe(response)).isIn(302, 200, 400, 429);
			if (response.statusCode() == 302) {
				assertThat(response.headers().firstValue("Location").orElse("")).contains("/signin");
			}
		});
		assertThat(SystemStack.get().database().dataRowCounts()).isEqualTo(before);
	}

	@Test
	void whenSignInBodyIsNotUtf8ThenNoServerError() {
		Http browser = Http.browser(this.baseUrl);
		Fuzz fuzz = Fuzz.create();
		fuzz.check("sign-in with invalid UTF-8", 10, (f) -> {
			browser.get("/signin");
			byte[] prefix = ("_csrf=" + Http.encode(browser.csrfToken()) + "&password=x&email=")
				.getBytes(StandardCharsets.US_ASCII);
			byte[] bad = f.invalidUtf8();
			byte[] body = new byte[prefix.length + bad.length];
			System.arraycopy(prefix, 0, body, 0, prefix.length);
			System.arraycopy(bad, 0, body, prefix.length, bad.length);

			HttpResponse<String> response = browser.sendBytes("POST", "/signin",
					"application/x-www-form-urlencoded; charset=UTF-8", body);

			Answers.assertNotServerError(response);
		});
	}

}
