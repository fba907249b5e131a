package ai.physical.textbook.auth.testing;

import java.io.IOException;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.http.Cookie;

/**
 * HtmlUnit browsers against the running server (real HTTP, real cookies, Spring Session in Redis) and the few page
 * gestures the flow tests repeat.
 */
public final class Browsers {

	private Browsers() {
	}

	/** A browser without JavaScript (the pages need none), coming from its own client address. */
	public static WebClient open() {
		WebClient browser = new WebClient();
		browser.getOptions().setJavaScriptEnabled(false);
		browser.getOptions().setCssEnabled(false);
		browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
		browser.addRequestHeader("X-Forwarded-For", TestUsers.uniqueIp());
		return browser;
	}

	public static HtmlForm form(HtmlPage page, String action) {
		HtmlForm form = page.getFirstByXPath("//form[@action='" + action + "']");
		if (form == null) {
			throw new AssertionError("No form posting to " + action + " on " + page.getUrl() + ":\n"
					+ page.asNormalizedText());
		}
		return form;
	}

	public static HtmlPage submit(HtmlForm form) throws IOException {
		HtmlButton button = form.getFirstByXPath(".//button[@type='submit']");
		return button.click();
	}

	public static HtmlPage signIn(WebClient browser, String base, String email, String password) throws IOException {
		HtmlPage page = browser.getPage(base + "/signin");
		HtmlForm form = form(page, "/signin");
		form.getInputByName("email").setValue(email);
		form.getInputByName("password").setValue(password);
		return submit(form);
	}

	public static void check(HtmlForm form, String name, String value) {
		HtmlCheckBoxInput box = form.getFirstByXPath(".//input[@name='" + name + "' and @value='" + value + "']");
		box.setChecked(true);
	}

	public static void choose(HtmlForm form, String name, String value) {
		HtmlRadioButtonInput radio = form.getFirstByXPath(".//input[@name='" + name + "' and @value='" + value + "']");
		radio.setChecked(true);
	}

	public static String sessionCookie(WebClient browser) {
		Cookie cookie = browser.getCookieManager().getCookie("SESSION");
		return (cookie != null) ? cookie.getValue() : null;
	}

}
