package ai.physical.textbook.systemtests.browser;

import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The auth-server's profile form as a reader fills it in: ticks the suggested entries they want (and unticks the
 * others), types the rest into the list's "others" box, picks one choice per single-choice group.
 */
final class ProfilePage {

	/** The answers of one reader; list entries the form does not suggest go to the "others" boxes. */
	record Background(List<String> programmingLanguages, List<String> frameworks, String experienceLevel,
			List<String> specializations, Integer yearsOfExperience, List<String> familiarPlatforms,
			String roboticsExperience, String electronicsKnowledge, List<String> preferredTools) {
	}

	private final WebDriver driver;

	ProfilePage(WebDriver driver) {
		this.driver = driver;
	}

	/** Fills every field with {@code background} and submits the form. */
	void save(Background background) {
		list("programmingLanguages", background.programmingLanguages());
		list("frameworks", background.frameworks());
		choice("experienceLevel", background.experienceLevel());
		list("specializations", background.specializations());
		WebElement years = this.driver.findElement(By.id("yearsOfExperience"));
		years.clear();
		if (background.yearsOfExperience() != null) {
			years.sendKeys(Integer.toString(background.yearsOfExperience()));
		}
		list("familiarPlatforms", background.familiarPlatforms());
		choice("roboticsExperience", background.roboticsExperience());
		choice("electronicsKnowledge", background.electronicsKnowledge());
		list("preferredTools", background.preferredTools());
		this.driver.findElement(By.xpath("//form[@method='post' and .//button[normalize-space()='Save profile']]"
				+ "//button[normalize-space()='Save profile']")).click();
	}

	private void list(String name, List<String> wanted) {
		List<String> others = new ArrayList<>(wanted);
		for (WebElement box : this.driver.findElements(By.cssSelector("input[type=checkbox][name='" + name + "']"))) {
			String value = box.getDomAttribute("value");
			boolean want = wanted.contains(value);
			others.remove(value);
			if (box.isSelected() != want) {
				label(box).click();
			}
		}
		WebElement other = this.driver.findElement(By.id(name + "Other"));
		other.clear();
		if (!others.isEmpty()) {
			other.sendKeys(String.join(", ", others));
		}
	}

	private void choice(String name, String value) {
		WebElement radio = this.driver.findElement(By.id(name + "-" + value));
		if (!radio.isSelected()) {
			label(radio).click();
		}
	}

	/** Clicks go to the label wrapping each input, as a reader's do (the styled input may sit under its label). */
	private static WebElement label(WebElement input) {
		return input.findElement(By.xpath("./ancestor::label[1]"));
	}

}
