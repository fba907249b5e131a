package ai.physical.textbook.systemtests.support;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on how the system answers bad input and faults: a client error (or a clean 503), never a server error,
 * never a stack trace or an internal detail in the body.
 */
public final class Answers {

	/** Fragments that only appear when internals leak: stack frames, exception names, SQL errors, the Boot fallback page. */
	private static final List<Pattern> LEAKS = List.of(Pattern.compile("\\bat [a-z]+(\\.[A-Za-z0-9_$]+)+\\("),
			Pattern.compile("[A-Za-z]+(Exception|Error): "), Pattern.compile("Caused by"),
			Pattern.compile("Whitelabel Error Page"), Pattern.compile("org\\.springframework\\."),
			Pattern.compile("org\\.postgresql\\."), Pattern.compile("io\\.lettuce\\."),
			Pattern.compile("SQLState|PSQLException|syntax error at or near"));

	private Answers() {
	}

	/** A 4xx whose body leaks nothing. */
	public static void assertClientError(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(describe(response)).isBetween(400, 499);
		assertNoLeak(response);
	}

	/** Anything but a 5xx, and a body that leaks nothing. */
	public static void assertNotServerError(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(describe(response)).isLessThan(500);
		assertNoLeak(response);
	}

	/** An RFC 9457 problem-details answer with the given status. */
	public static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(describe(response)).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as(describe(response))
			.startsWith("application/problem+json");
		assertThat(response.body()).as(describe(response)).contains("\"status\":" + status);
		assertNoLeak(response);
	}

	public static void assertNoLeak(HttpResponse<String> response) {
		String body = response.body() == null ? "" : response.body();
		for (Pattern leak : LEAKS) {
			assertThat(leak.matcher(body).find()).as("body leaks internals (%s): %s", leak, describe(response))
				.isFalse();
		}
	}

	public static String describe(HttpResponse<String> response) {
		String body = response.body() == null ? "" : response.body();
		return response.request().method() + " " + response.request().uri() + " -> " + response.statusCode() + " "
				+ (body.length() > 600 ? body.substring(0, 600) + "..." : body);
	}

}
