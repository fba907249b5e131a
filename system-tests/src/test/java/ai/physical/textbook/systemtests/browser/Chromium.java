package ai.physical.textbook.systemtests.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.util.FileSystemUtils;

/**
 * A headless Chromium driven through chromedriver, with a fresh profile directory that is deleted on close.
 *
 * <p>The browser and the driver are found on the {@code PATH} (Debian's {@code chromium} and {@code chromium-driver}
 * packages, which {@code .ci/run} installs), or given with {@code -Dbrowser.chromium=...} and
 * {@code -Dbrowser.chromedriver=...}. Both are passed explicitly so Selenium never tries to download a browser or a
 * driver (the build runs without network access to browser downloads).
 */
final class Chromium implements AutoCloseable {

	private final ChromeDriver driver;

	private final Path profile;

	private Chromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** The browser binary, if installed. */
	static Optional<Path> browserBinary() {
		return find("browser.chromium", "chromium", "chromium-browser", "google-chrome");
	}

	/** The chromedriver binary, if installed. */
	static Optional<Path> driverBinary() {
		return find("browser.chromedriver", "chromedriver");
	}

	/** Why the browser cannot start here, or empty when both binaries are present. */
	static Optional<String> missing() {
		if (browserBinary().isPresent() && driverBinary().isPresent()) {
			return Optional.empty();
		}
		return Optional.of("Chromium or chromedriver is not installed (found browser: " + browserBinary().isPresent()
				+ ", driver: " + driverBinary().isPresent() + "); install Debian's chromium and chromium-driver "
				+ "packages (.ci/run does) or pass -Dbrowser.chromium=... -Dbrowser.chromedriver=...");
	}

	/** Starts a headless browser with an empty profile in {@code workDirectory}. */
	static Chromium start(Path workDirectory) {
		Path browser = browserBinary().orElseThrow(() -> new IllegalStateException(missing().orElseThrow()));
		Path driverBinary = driverBinary().orElseThrow(() -> new IllegalStateException(missing().orElseThrow()));
		Path profile;
		try {
			Files.createDirectories(workDirectory);
			profile = Files.createTempDirectory(workDirectory, "chromium-profile-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(browser.toFile());
		// No sandbox: CI runs as root in a container, where Chromium's sandbox cannot start. The other flags keep the
		// browser from calling home (component updates, sync, field trials), which a closed network turns into delays.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-default-apps", "--password-store=basic", "--window-size=1280,1000",
				"--user-data-dir=" + profile.toAbsolutePath());
		// The console (CORS refusals, script errors) is kept for failure messages.
		options.setCapability("goog:loggingPrefs", java.util.Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverBinary.toFile())
			.usingAnyFreePort()
			.withLogFile(workDirectory.resolve("chromedriver.log").toFile())
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
		driver.manage().window().setSize(new Dimension(1280, 1000));
		return new Chromium(driver, profile);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	/** The browser console so far (errors of the page's scripts, refused cross-origin calls), one entry a line. */
	String consoleLog() {
		try {
			return this.driver.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.map(LogEntry::toString)
				.collect(java.util.stream.Collectors.joining("\n"));
		}
		catch (RuntimeException ex) {
			return "(console not available: " + ex.getMessage() + ")";
		}
	}

	private static Optional<Path> find(String property, String... names) {
		String configured = System.getProperty(property);
		if (configured != null && !configured.isBlank()) {
			Path path = Path.of(configured);
			return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
		}
		List<String> directories = Arrays.asList(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
		for (String name : names) {
			for (String directory : directories) {
				if (directory.isBlank()) {
					continue;
				}
				Path candidate = Path.of(directory, name);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

}
