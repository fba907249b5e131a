package ai.physical.textbook.bench.load;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

	@Test
	void whenSignInPageThenFormKeepsCsrfTokenAndAddsCredentials() {
		String page = """
				<html><body><form method="post" action="/signin">
				<input id="email" name="email" type="email" required>
				<input id="password" name="password" type="password">
				<input type="hidden" name="_csrf" value="abc-123&amp;x"/>
				<button type="submit">Sign in</button></form></body></html>""";

		Html.Form form = Html.form(page, null);

		assertThat(form.action()).isEqualTo("/signin");
		assertThat(form.value("_csrf")).isEqualTo("abc-123&x");
		assertThat(form.value("password")).isEmpty();
		assertThat(form.encoded(Map.of("email", "a@b.example", "password", "p w")))
			.contains("_csrf=abc-123%26x", "email=a%40b.example", "password=p+w");
	}

	@Test
	void whenConsentPageThenEveryScopeIsSentAsItsOwnParameter() {
		String page = """
				<form name="consent_form" method='post' action='/oauth2/authorize'>
				<input type="hidden" name="client_id" value="textbook-web">
				<input type="hidden" name="state" value="s1">
				<input class="form-check-input" type="checkbox" name="scope" value="profile" id="profile" checked>
				<input class="form-check-input" type="checkbox" name="scope" value="email" id="email" checked>
				<input type="submit" name="submit" value="Submit Consent">
				</form>""";

		Html.Form form = Html.form(page, "authorize");

		assertThat(form.encoded(Map.of())).isEqualTo("client_id=textbook-web&state=s1&scope=profile&scope=email");
	}

	@Test
	void whenNoFormMatchesThenNull() {
		assertThat(Html.form("<form action=\"/other\"></form>", "authorize")).isNull();
		assertThat(Html.form("<p>no form</p>", null)).isNull();
	}

}
