package ai.physical.textbook.systemtests.browser;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo reader page of resource-api, through the stable ids and {@code body[data-state]} that
 * docs/personalization-guide.md lists for end-to-end tests.
 */
final class ReaderPage {

	/** States in which the page has finished what it was doing. */
	static final Set<String> SETTLED = Set.of("signed-out", "ready", "profile-incomplete", "error");

	private final WebDriver driver;

	private final Duration timeout;

	ReaderPage(WebDriver driver, Duration timeout) {
		this.driver = driver;
		this.timeout = timeout;
	}

	/** Waits until the page settles and returns its state. */
	String awaitSettled() {
		return new WebDriverWait(this.driver, this.timeout)
			.withMessage(() -> "the reader page to settle; now at " + this.driver.getCurrentUrl() + " in state "
					+ stateOrNull())
			.until((d) -> {
				String state = stateOrNull();
				return (state != null && SETTLED.contains(state)) ? state : null;
			});
	}

	/** The page's {@code body[data-state]}, or null when the current page is not the reader. */
	String stateOrNull() {
		try {
			List<WebElement> bodies = this.driver.findElements(By.cssSelector("body[data-state]"));
			return bodies.isEmpty() ? null : bodies.get(0).getDomAttribute("data-state");
		}
		catch (StaleElementReferenceException ex) {
			// The page navigated between finding the body and reading it: no state yet.
			return null;
		}
	}

	/** The visible error text of the page, for failure messages. */
	String errorText() {
		List<WebElement> error = this.driver.findElements(By.id("error-message"));
		return error.isEmpty() ? "" : error.get(0).getText();
	}

	String text(String id) {
		return this.driver.findElement(By.id(id)).getText();
	}

	boolean isShown(String id) {
		return this.driver.findElement(By.id(id)).isDisplayed();
	}

	void click(String id) {
		this.driver.findElement(By.id(id)).click();
	}

	/** The {@code data-slug} of each item of a list, in order. */
	List<String> slugs(String listId) {
		return this.driver.findElements(By.cssSelector("#" + listId + " > li"))
			.stream()
			.map((li) -> li.getDomAttribute("data-slug"))
			.toList();
	}

	/** A field of the tokens the page keeps in this tab's sessionStorage, or null when it holds none. */
	String storedToken(String field) {
		Object value = ((JavascriptExecutor) this.driver).executeScript(
				"const raw = sessionStorage.getItem('textbook.tokens');"
						+ " return raw ? (JSON.parse(raw)[arguments[0]] || null) : null;",
				field);
		return (String) value;
	}

}
