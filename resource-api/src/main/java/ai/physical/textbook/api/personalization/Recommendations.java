package ai.physical.textbook.api.personalization;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import ai.physical.textbook.api.catalog.Difficulty;

/**
 * Seed P4-T5: the best-fitting chapters and projects.
 *
 * @param chapters the top five chapters, best first
 * @param projects the top five projects, best first
 */
@Schema(description = "Top chapters and projects for the reader, best first")
record Recommendations(List<Recommendation> chapters, List<Recommendation> projects) {

	/**
	 * @param slug the item's slug
	 * @param title the item's title
	 * @param difficulty the item's difficulty
	 * @param score the fit score the ranking used (higher is better)
	 * @param reasons why it fits, in words
	 */
	record Recommendation(@Schema(example = "pi-line-follower") String slug,
			@Schema(example = "Raspberry Pi Line-Following Robot") String title, Difficulty difficulty,
			@Schema(example = "12") int score,
			@Schema(example = "[\"Matches your level (beginner)\", \"Runs on your Raspberry Pi\", \"Code in Python\"]")
			List<String> reasons) {
	}

}
