package ai.physical.textbook.systemtests.browser;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import ai.physical.textbook.systemtests.support.Answers;
import ai.physical.textbook.systemtests.support.AppProcess;
import ai.physical.textbook.systemtests.support.Http;
import ai.physical.textbook.systemtests.support.OAuthFlows;
import ai.physical.textbook.systemtests.support.Paths;
import ai.physical.textbook.systemtests.support.SystemStack;
import ai.physical.textbook.systemtests.support.TestClients;
import ai.physical.textbook.systemtests.support.Tokens;
import ai.physical.textbook.testsupport.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A new reader's whole journey in a real headless Chromium: the demo reader page of resource-api (the public client
 * {@code textbook-web}, authorization code + PKCE in the page's JavaScript) and the auth-server's pages, both apps as
 * real processes on the shared PostgreSQL and Redis.
 *
 * <p>The apps run on their own pair of processes because the browser needs what the shared stack does not register:
 * the reader's origin as redirect URI, post-logout URI and allowed CORS origin. Both are reached as {@code localhost},
 * as a newcomer opens them (the auth-server's session cookie is then same-site with the page, as in the documented
 * local setup of ports 9000 and 8081).
 */
class ReaderBrowserTests {

	/** A state change of a page (a navigation, a token request, a context build) on a busy two-core machine. */
	static final Duration STEP = Duration.ofSeconds(60);

	static final ProfilePage.Background BEGINNER = new ProfilePage.Background(List.of("Python"), List.of(), "beginner",
			List.of(), 0, List.of("Raspberry Pi"), "none", "basic", List.of());

	// C++ only: list answers are stored in the form's order (Python first), and the page's code language is the first
	// of the reader's languages the book has code in.
	static final ProfilePage.Background EXPERT = new ProfilePage.Background(List.of("C++"),
			List.of("ROS 2", "OpenCV", "PyTorch"), "expert", List.of("Computer vision", "Embedded systems"), 12,
			List.of("NVIDIA Jetson", "Arduino"), "professional", "advanced", List.of("Gazebo"));

	private static AppProcess authServer;

	private static AppProcess resourceApi;

	private static String issuer;

	private static String readerOrigin;

	@BeforeAll
	static void startAppsForTheBrowser() {
		Chromium.missing().ifPresent((reason) -> {
			// CI installs the browser (.ci/run): there a missing browser is a broken build, not a reason to skip.
			if (System.getenv("CI") != null) {
				fail(reason);
			}
			Assumptions.abort(reason);
		});
		SystemStack stack = SystemStack.get();
		int authPort = FreePorts.next();
		issuer = "http://localhost:" + authPort;
		// resource-api first (it fetches the JWK set lazily), so its port can be registered with the auth-server.
		resourceApi = stack.startResourceApi("resource-api-browser", issuer,
				"http://127.0.0.1:" + authPort + "/oauth2/jwks", Map.of());
		readerOrigin = "http://localhost:" + resourceApi.port();
		authServer = stack.startAuthServer("auth-server-browser", authPort, issuer, Map.of(),
				// The client registration lives in the database all system tests share: keep the URIs the other
				// tests use registered too, or a later test's authorization request would be refused.
				Map.of("TEXTBOOK_WEB_REDIRECT_URIS",
						readerOrigin + "/," + readerOrigin + "/callback.html," + TestClients.WEB_REDIRECT_URI,
						"TEXTBOOK_WEB_POST_LOGOUT_URIS", readerOrigin + "/," + TestClients.WEB_POST_LOGOUT_URI,
						"TEXTBOOK_CORS_ALLOWED_ORIGINS", readerOrigin));
		authServer.awaitReady(SystemStack.STARTUP);
		resourceApi.awaitReady(SystemStack.STARTUP);
	}

	@AfterAll
	static void stopApps() {
		if (resourceApi != null) {
			resourceApi.close();
		}
		if (authServer != null) {
			authServer.close();
		}
	}

	@Test
	void whenNewReaderSignsUpAndChangesProfileThenReaderPageFollowsAndSignOutKillsTheToken() throws Exception {
		Path work = SystemStack.get().workDirectory().resolve("browser");
		try (Chromium chromium = Chromium.start(work)) {
			WebDriver driver = chromium.driver();
			ReaderPage reader = new ReaderPage(driver, STEP);
			try {
				journey(driver, reader, work);
			}
			catch (AssertionError | RuntimeException ex) {
				saveScreenshot(driver, work.resolve("failure.png"));
				throw new AssertionError(ex.getMessage() + "\nBrowser at " + driver.getCurrentUrl() + ", page state "
						+ reader.stateOrNull() + ", page error '" + reader.errorText() + "'; browser console:\n"
						+ chromium.consoleLog() + "\nscreenshot and logs in "
						+ work.getParent() + "\nauth-server log tail:\n" + authServer.logTail(30), ex);
			}
		}
	}

	private void journey(WebDriver driver, ReaderPage reader, Path work) throws Exception {
		// A first visit: signed out, offered a sign-in.
		driver.get(readerOrigin + "/");
		assertThat(reader.awaitSettled()).isEqualTo("signed-out");
		assertThat(reader.isShown("signin-button")).isTrue();

		// Sign in → the auth-server's sign-in page (the page started the authorization request) → create an account.
		reader.click("signin-button");
		awaitUrl(driver, issuer + "/signin");
		driver.findElement(By.linkText("Create an account")).click();
		awaitUrl(driver, issuer + "/signup");
		String email = OAuthFlows.uniqueEmail("browser");
		String name = "Ada Browser";
		driver.findElement(By.id("email")).sendKeys(email);
		driver.findElement(By.id("name")).sendKeys(name);
		driver.findElement(By.id("password")).sendKeys(OAuthFlows.PASSWORD);
		driver.findElement(By.id("confirmPassword")).sendKeys(OAuthFlows.PASSWORD);
		driver.findElement(By.xpath("//button[normalize-space()='Create account']")).click();

		// Signed up and signed in: the profile form, which knows an application is waiting.
		awaitUrl(driver, issuer + "/profile");
		assertThat(driver.findElement(By.tagName("main")).getText())
			.contains("After saving, you will continue to the application that asked you to sign in.");
		new ProfilePage(driver).save(BEGINNER);

		// Back through the saved authorization request; consent if the server asks, then the reader with a token.
		consentIfAsked(driver);
		String state = reader.awaitSettled();
		assertThat(state).as("reader state after sign-up (page error: %s)", reader.errorText()).isEqualTo("ready");
		assertThat(driver.getCurrentUrl()).isEqualTo(readerOrigin + "/");
		assertThat(reader.text("user-name")).isEqualTo(name);
		assertThat(reader.isShown("signout-button")).isTrue();
		assertThat(reader.isShown("signin-button")).isFalse();

		// The personalization the beginner profile predicts (RecommendationRankingTests, same answers).
		assertThat(reader.text("current-level")).isEqualTo("beginner");
		assertThat(reader.text("code-language")).isEqualTo("Python");
		assertThat(reader.text("preferred-platform")).isEqualTo("Raspberry Pi");
		assertThat(reader.slugs("chapter-recommendations")).containsExactly("raspberry-pi-robot-brain",
				"ros2-architecture", "cameras-and-opencv", "sensors-and-actuators", "driving-motors");
		assertThat(reader.slugs("project-recommendations")).first().isEqualTo("pi-line-follower");
		assertThat(reader.text("chapter-recommendations")).contains("Raspberry Pi as a Robot Brain");

		// The access token the page holds carries the profile.
		String firstAccessToken = reader.storedToken("accessToken");
		assertThat(firstAccessToken).as("access token in sessionStorage").isNotNull();
		JWTClaimsSet claims = Tokens.claims(firstAccessToken);
		assertThat(claims.getIssuer()).isEqualTo(issuer);
		assertThat(claims.getStringClaim("email")).isEqualTo(email);
		assertThat(claims.getBooleanClaim("profileComplete")).isTrue();
		assertThat(software(claims).get("programmingLanguages")).isEqualTo(List.of("Python"));
		assertThat(software(claims).get("experienceLevel")).isEqualTo("beginner");
		assertThat(reader.storedToken("refreshToken")).as("refresh token of the public client").isNotNull();
		saveScreenshot(driver, work.resolve("reader.png"));
		publishScreenshot(work.resolve("reader.png"));

		// The reader changes their background on the auth-server (same browser session: no sign-in).
		driver.get(issuer + "/profile");
		awaitUrl(driver, issuer + "/profile");
		new ProfilePage(driver).save(EXPERT);
		awaitUrl(driver, issuer + "/account");

		// Back on the page the old token still describes the beginner; "Refresh recommendations" renews the token
		// first (the new background reaches resource-api only in a new token), then rebuilds the context.
		driver.get(readerOrigin + "/");
		assertThat(reader.awaitSettled()).isEqualTo("ready");
		assertThat(reader.text("current-level")).isEqualTo("beginner");
		reader.click("refresh-button");
		new WebDriverWait(driver, STEP).withMessage(() -> "recommendations for the expert profile")
			.until((d) -> "error".equals(reader.stateOrNull()) || ("ready".equals(reader.stateOrNull())
					&& "expert".equals(reader.text("current-level"))));
		assertThat(reader.stateOrNull()).as("page error: %s", reader.errorText()).isEqualTo("ready");
		assertThat(reader.text("code-language")).isEqualTo("C++");
		assertThat(reader.text("preferred-platform")).isEqualTo("NVIDIA Jetson");
		assertThat(reader.slugs("chapter-recommendations")).first().isEqualTo("tensorrt-on-jetson");
		assertThat(reader.slugs("chapter-recommendations")).doesNotContain("raspberry-pi-robot-brain");
		String accessToken = reader.storedToken("accessToken");
		String refreshToken = reader.storedToken("refreshToken");
		assertThat(accessToken).isNotEqualTo(firstAccessToken);
		JWTClaimsSet renewed = Tokens.claims(accessToken);
		assertThat(software(renewed).get("programmingLanguages")).isEqualTo(List.of("C++"));
		assertThat(software(renewed).get("experienceLevel")).isEqualTo("expert");
		Http api = Http.api(resourceApi.baseUrl());
		HttpResponse<String> before = api.get(Paths.CONTEXT, "Authorization", "Bearer " + accessToken);
		assertThat(before.statusCode()).as(Answers.describe(before)).isEqualTo(200);

		// Sign out: the page revokes its tokens and ends the auth-server session, and comes back signed out.
		reader.click("signout-button");
		new WebDriverWait(driver, STEP).withMessage(() -> "back on the reader, signed out")
			.until((d) -> d.getCurrentUrl().startsWith(readerOrigin + "/") && "signed-out".equals(reader.stateOrNull()));
		assertThat(reader.storedToken("accessToken")).isNull();
		assertThat(reader.isShown("signin-button")).isTrue();

		// The API now refuses the token the page held, and the refresh token no longer works.
		HttpResponse<String> after = api.get(Paths.CONTEXT, "Authorization", "Bearer " + accessToken);
		assertThat(after.statusCode()).as(Answers.describe(after)).isEqualTo(401);
		HttpResponse<String> refresh = new OAuthFlows(authServer.baseUrl()).refresh(TestClients.WEB_CLIENT_ID,
				refreshToken);
		assertThat(refresh.statusCode()).as(Answers.describe(refresh)).isEqualTo(400);
		assertThat(refresh.body()).contains("invalid_grant");

		// And the auth-server session is over: its account page asks for a sign-in again.
		driver.get(issuer + "/account");
		awaitUrl(driver, issuer + "/signin");
	}

	/** The consent page appears for clients that require it; approve what it asks when it does. */
	private static void consentIfAsked(WebDriver driver) {
		new WebDriverWait(driver, STEP).withMessage(() -> "the consent page or the reader, now at "
				+ driver.getCurrentUrl())
			.until((d) -> d.getCurrentUrl().startsWith(readerOrigin) || !d.findElements(By.id("consent-form")).isEmpty());
		if (!driver.getCurrentUrl().startsWith(readerOrigin)) {
			driver.findElement(By.xpath("//form[@id='consent-form']//button[@type='submit']")).click();
		}
	}

	private static void awaitUrl(WebDriver driver, String prefix) {
		new WebDriverWait(driver, STEP).withMessage(() -> "a page under " + prefix + ", now at " + driver.getCurrentUrl())
			.until(ExpectedConditions.urlMatches("^" + java.util.regex.Pattern.quote(prefix) + "([/?#].*)?$"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> software(JWTClaimsSet claims) throws ParseException {
		Map<String, Object> software = claims.getJSONObjectClaim("softwareBackground");
		assertThat(software).as("softwareBackground claim").isNotNull();
		return software;
	}

	private static void saveScreenshot(WebDriver driver, Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException | RuntimeException ex) {
			// A screenshot is a help for the reader of a failure, never a failure of its own.
		}
	}

	/**
	 * With {@code -Dbrowser.update-docs=true} copies the personalized page's screenshot to docs/images/reader.png
	 * (shown in the README); off by default so a test run never changes tracked files.
	 */
	private static void publishScreenshot(Path screenshot) throws IOException {
		if (!Boolean.getBoolean("browser.update-docs") || !Files.isRegularFile(screenshot)) {
			return;
		}
		Path root = Path.of("").toAbsolutePath();
		while (root != null && !Files.isRegularFile(root.resolve("mvnw"))) {
			root = root.getParent();
		}
		if (root != null) {
			Files.copy(screenshot, root.resolve("docs/images/reader.png"), StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
