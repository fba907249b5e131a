package ai.physical.textbook.api.catalog;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import ai.physical.textbook.api.testing.ResourceApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog loaded by Liquibase is complete and consistent, and the catalog endpoints serve it.
 */
class CatalogContentTests extends ResourceApiIntegrationTest {

	private static final Set<String> FOCUS_AREAS = Set.of("foundations", "electronics", "embedded", "ros2",
			"simulation", "perception", "kinematics", "control", "navigation", "manipulation", "machine-learning",
			"reinforcement-learning", "vla", "humanoids", "edge-ai", "safety");

	private static final Set<String> PLATFORMS = Set.of("arduino", "esp32", "raspberry-pi", "jetson", "pc");

	@Autowired
	ContentCatalog catalog;

	@Test
	void whenLoadedThenAtLeastFortyChaptersAndTwentyProjectsCoverTheBook() {
		assertThat(this.catalog.chapters()).hasSizeGreaterThanOrEqualTo(40);
		assertThat(this.catalog.projects()).hasSizeGreaterThanOrEqualTo(20);
		Set<String> frameworks = new HashSet<>();
		Set<String> platforms = new HashSet<>();
		Set<String> focus = new HashSet<>();
		items().forEach((item) -> {
			frameworks.addAll(item.frameworks());
			platforms.addAll(item.platforms());
			focus.addAll(item.focusAreas());
		});
		assertThat(frameworks).contains("ros2", "gazebo", "isaac-sim", "opencv", "pytorch", "lerobot");
		assertThat(platforms).contains("arduino", "raspberry-pi", "jetson");
		assertThat(focus).contains("perception", "control", "vla", "humanoids", "simulation", "embedded");
		for (Difficulty difficulty : Difficulty.values()) {
			assertThat(this.catalog.chapters()).anyMatch((chapter) -> chapter.difficulty() == difficulty);
			assertThat(this.catalog.projects()).anyMatch((project) -> project.difficulty() == difficulty);
		}
	}

	@Test
	void whenLoadedThenEveryTagIsInTheVocabularyAndEveryPrerequisiteIsAnEarlierChapter() {
		List<String> chapterSlugs = this.catalog.chapters().stream().map(Chapter::slug).toList();
		items().forEach((item) -> {
			assertThat(FOCUS_AREAS).as(item.slug()).containsAll(item.focusAreas());
			assertThat(PLATFORMS).as(item.slug()).containsAll(item.platforms());
			assertThat(item.frameworks()).as(item.slug())
				.allSatisfy((framework) -> assertThat(Vocabulary.framework(framework)).hasValue(framework));
			assertThat(chapterSlugs).as(item.slug()).containsAll(item.prerequisites());
		});
		this.catalog.chapters().forEach((chapter) -> chapter.prerequisites().forEach((prerequisite) -> assertThat(
				this.catalog.chapter(prerequisite).orElseThrow().position())
			.as(chapter.slug() + " needs " + prerequisite)
			.isLessThan(chapter.position())));
	}

	@Test
	void whenCatalogRequestedThenServedAndFiltered() {
		String token = issuer.sign(issuer.userClaims(newUser()).build());

		HttpResponse<String> beginnerPi = get("/api/catalog/chapters?difficulty=beginner&platform=raspberry-pi", token);
		assertThat(beginnerPi.statusCode()).isEqualTo(200);
		assertThat(body(beginnerPi).size()).isPositive();
		body(beginnerPi).forEach((chapter) -> {
			assertThat(chapter.path("difficulty").asString()).isEqualTo("beginner");
			assertThat(chapter.path("platforms").toString()).contains("raspberry-pi");
		});

		HttpResponse<String> project = get("/api/catalog/projects/pi-line-follower", token);
		assertThat(body(project).path("title").asString()).isEqualTo("Raspberry Pi Line-Following Robot");

		HttpResponse<String> missing = get("/api/catalog/chapters/ros3-basics", token);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(body(missing).path("code").asString()).isEqualTo("NOT_FOUND");
		assertThat(body(missing).path("detail").asString()).isEqualTo("No chapter 'ros3-basics'");

		HttpResponse<String> badFilter = get("/api/catalog/projects?difficulty=easy", token);
		assertThat(badFilter.statusCode()).isEqualTo(400);
		assertThat(body(badFilter).path("code").asString()).isEqualTo("VALIDATION_FAILED");
		assertThat(body(badFilter).path("field").asString()).isEqualTo("difficulty");
	}

	private Stream<CatalogItem> items() {
		return Stream.concat(this.catalog.chapters().stream(), this.catalog.projects().stream());
	}

}
