package ai.physical.textbook.auth.web;

import java.net.URL;

import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import ai.physical.textbook.auth.account.AccountUser;
import ai.physical.textbook.auth.testing.AuthServerTest;
import ai.physical.textbook.auth.testing.Browsers;
import ai.physical.textbook.auth.testing.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Friendly error pages over real HTTP (the container's error dispatch), never with a stack trace.
 */
@AuthServerTest
class ErrorPageTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Test
	void whenPageDoesNotExistThenFriendlyNotFoundPage() throws Exception {
		AccountUser user = this.users.create("lost");
		try (WebClient browser = Browsers.open()) {
			Browsers.signIn(browser, base(), user.email(), TestUsers.PASSWORD);
			HtmlPage page = browser.getPage(base() + "/no-such-page");
			assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
			assertThat(page.asNormalizedText()).contains("Page not found", "Go to your account");
			assertNoInternals(page);
		}
	}

	@Test
	void whenFormPostedWithoutCsrfTokenThenFriendlyForbiddenPage() throws Exception {
		AccountUser user = this.users.create("forged");
		try (WebClient browser = Browsers.open()) {
			Browsers.signIn(browser, base(), user.email(), TestUsers.PASSWORD);
			WebRequest forged = new WebRequest(new URL(base() + "/account/sign-out-everywhere"), HttpMethod.POST);
			forged.setAdditionalHeader("Accept", "text/html");
			HtmlPage page = browser.getPage(forged);
			assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
			assertThat(page.asNormalizedText()).contains("Not allowed", "reload the page");
			assertNoInternals(page);
		}
	}

	@Test
	void whenApplicationSendsAnInvalidAuthorizationRequestThenOAuthErrorPageExplainsIt() throws Exception {
		try (WebClient browser = Browsers.open()) {
			HtmlPage page = browser.getPage(base()
					+ "/oauth2/authorize?response_type=code&client_id=no-such-client&scope=openid"
					+ "&redirect_uri=https://evil.example/callback");
			assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
			assertThat(page.asNormalizedText()).contains("The application that sent you here made a request",
					"invalid_request", "client_id");
			assertNoInternals(page);
		}
	}

	private static void assertNoInternals(HtmlPage page) {
		assertThat(page.asXml()).doesNotContain("Exception", "at org.", "at ai.", "trace", "Whitelabel");
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
