package ai.physical.textbook.api.catalog;

import java.util.List;
import java.util.function.Predicate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ai.physical.textbook.api.problem.BadRequestException;
import ai.physical.textbook.api.problem.NotFoundException;

/**
 * Read-only access to the textbook's chapters and projects, optionally filtered.
 */
@RestController
@RequestMapping(path = "/api/catalog", produces = "application/json")
@Tag(name = "Catalog", description = "The textbook's chapters and hands-on projects")
class CatalogController {

	private final ContentCatalog catalog;

	CatalogController(ContentCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/chapters")
	@Operation(operationId = "listChapters", summary = "List chapters",
			description = "All chapters in reading order, optionally filtered by difficulty, focus area and platform "
					+ "(filters combine with AND).")
	List<Chapter> chapters(
			@Parameter(description = "beginner, intermediate, advanced or expert", example = "beginner")
			@RequestParam(required = false) String difficulty,
			@Parameter(description = "a focus-area tag", example = "ros2")
			@RequestParam(required = false) String focusArea,
			@Parameter(description = "a platform tag", example = "raspberry-pi")
			@RequestParam(required = false) String platform) {
		return this.catalog.chapters().stream().filter(filter(difficulty, focusArea, platform)).toList();
	}

	@GetMapping("/chapters/{slug}")
	@Operation(operationId = "getChapter", summary = "Get a chapter")
	Chapter chapter(@Parameter(example = "ros2-python-nodes") @PathVariable String slug) {
		return this.catalog.chapter(slug).orElseThrow(() -> new NotFoundException("No chapter '" + slug + "'"));
	}

	@GetMapping("/projects")
	@Operation(operationId = "listProjects", summary = "List projects",
			description = "All hands-on projects, optionally filtered by difficulty, focus area and platform "
					+ "(filters combine with AND).")
	List<Project> projects(
			@Parameter(description = "beginner, intermediate, advanced or expert", example = "beginner")
			@RequestParam(required = false) String difficulty,
			@Parameter(description = "a focus-area tag", example = "perception")
			@RequestParam(required = false) String focusArea,
			@Parameter(description = "a platform tag", example = "jetson")
			@RequestParam(required = false) String platform) {
		return this.catalog.projects().stream().filter(filter(difficulty, focusArea, platform)).toList();
	}

	@GetMapping("/projects/{slug}")
	@Operation(operationId = "getProject", summary = "Get a project")
	Project project(@Parameter(example = "pi-line-follower") @PathVariable String slug) {
		return this.catalog.project(slug).orElseThrow(() -> new NotFoundException("No project '" + slug + "'"));
	}

	private static Predicate<CatalogItem> filter(String difficulty, String focusArea, String platform) {
		Difficulty level = parseDifficulty(difficulty);
		return (item) -> (level == null || item.difficulty() == level)
				&& (focusArea == null || item.focusAreas().contains(focusArea))
				&& (platform == null || item.platforms().contains(platform));
	}

	private static Difficulty parseDifficulty(String difficulty) {
		if (difficulty == null) {
			return null;
		}
		try {
			return Difficulty.of(difficulty);
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException("difficulty",
					"'difficulty' must be one of beginner, intermediate, advanced, expert; got '" + difficulty + "'");
		}
	}

}
