package ai.physical.textbook.auth.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import ai.physical.textbook.auth.testing.AuthServerTest;
import ai.physical.textbook.auth.testing.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real browser (headless Chromium driven by Selenium) signs a new reader up, fills in the background form without
 * JavaScript help, and lands on the account page with a complete profile. Chromium and its driver come from the
 * operating system's packages ({@code chromium}, {@code chromium-driver}; .ci/run installs them).
 *
 * <p>With {@code -Dscreenshots.dir=docs/images} the test also saves a screenshot of every page it visits, which is how
 * the images of the profile management guide are made.
 */
@AuthServerTest
class BrowserEndToEndTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	int port;

	WebDriver browser;

	Path profileDir;

	@BeforeEach
	void startBrowser() throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"headless Chromium and chromedriver are installed");
		this.profileDir = Files.createTempDirectory("chromium-profile");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + this.profileDir, "--window-size=1280,900", "--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.profileDir != null) {
			try (var files = Files.walk(this.profileDir)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	@Test
	void newReaderSignsUpCompletesTheProfileAndSeesTheAccountPage() throws IOException {
		String email = TestUsers.uniqueEmail("chromium");
		open("/signin");
		screenshot("signin", 900);
		open("/signup");
		screenshot("signup", 900);

		// A first attempt with a weak password shows every broken rule beside the field.
		type("email", email);
		type("name", "Katherine Johnson");
		type("password", "password");
		type("confirmPassword", "password");
		submit();
		assertThat(text()).contains("Add an uppercase letter (A–Z).", "Add a digit (0–9).",
				"This password is one of the 10,000 most common passwords.");
		assertThat(this.browser.findElement(By.id("password")).getDomAttribute("aria-describedby"))
			.isEqualTo("password-hint password-error");
		screenshot("signup-errors", 1100);

		type("password", "Orbital-Mechanics-1962");
		type("confirmPassword", "Orbital-Mechanics-1962");
		submit();
		assertThat(path()).isEqualTo("/profile");
		assertThat(text()).contains("To complete your profile, add:");
		screenshot("profile-new", 2600);

		// Saving with nothing chosen explains what is required.
		submit();
		assertThat(text()).contains("Choose at least one programming language.", "Choose your robotics experience.");
		screenshot("profile-errors", 2900);

		click("programmingLanguages", "Python");
		click("programmingLanguages", "C++");
		click("frameworks", "ROS 2");
		click("frameworks", "Isaac Sim");
		click("experienceLevel", "advanced");
		type("yearsOfExperience", "12");
		click("familiarPlatforms", "NVIDIA Jetson");
		type("familiarPlatformsOther", "Unitree Go2");
		click("roboticsExperience", "hobbyist");
		click("electronicsKnowledge", "intermediate");
		click("preferredTools", "Gazebo");
		submit();

		assertThat(path()).isEqualTo("/account");
		assertThat(text()).contains("Hello, Katherine Johnson", "Your profile is saved.", "Complete", "Python",
				"Isaac Sim", "Unitree Go2", "This device", "Sign out everywhere");
		screenshot("account", 1900);

		open("/profile");
		assertThat(text()).contains("Your profile is complete.");
		this.browser.manage().window().setSize(new Dimension(390, 844));
		screenshot("profile-mobile", 0);
		this.browser.manage().window().setSize(new Dimension(1280, 900));

		open("/logout");
		screenshot("logout", 900);
		open("/no-such-page-" + UUID.randomUUID());
		assertThat(text()).contains("Page not found");
		screenshot("not-found", 900);
		open("/logout");
		submit();
		assertThat(text()).contains("You are signed out.");
	}

	private void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	private String path() {
		return java.net.URI.create(this.browser.getCurrentUrl()).getPath();
	}

	private String text() {
		return this.browser.findElement(By.tagName("body")).getText();
	}

	private void type(String id, String value) {
		WebElement input = this.browser.findElement(By.id(id));
		input.clear();
		input.sendKeys(value);
	}

	private void click(String name, String value) {
		this.browser.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).click();
	}

	/** Submits the page's form and waits until the next page has replaced this one. */
	private void submit() {
		WebElement page = this.browser.findElement(By.tagName("html"));
		this.browser.findElement(By.cssSelector("main form button[type='submit']")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(page));
	}

	/** Saves a screenshot when -Dscreenshots.dir is set; {@code height} 0 keeps the current window size. */
	private void screenshot(String name, int height) throws IOException {
		String dir = System.getProperty("screenshots.dir");
		if (dir == null || dir.isBlank()) {
			return;
		}
		Dimension original = this.browser.manage().window().getSize();
		if (height > 0) {
			this.browser.manage().window().setSize(new Dimension(1280, height));
		}
		Path target = Path.of(dir).resolve(name + ".png");
		Files.createDirectories(target.getParent());
		Path shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
		this.browser.manage().window().setSize(original);
	}

}
