package ai.physical.textbook.api.personalization;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import ai.physical.textbook.api.catalog.Difficulty;

/**
 * Seed P4-T2: where the reader stands and what to read next.
 *
 * @param currentLevel the reader's overall level
 * @param nextTopics three to five chapters to read next, in reading order of importance
 * @param skillGaps skills the book relies on that the reader's background does not show
 */
@Schema(description = "The reader's current level, next topics and skill gaps")
record LearningPath(Difficulty currentLevel, List<Topic> nextTopics, List<SkillGap> skillGaps) {

	/**
	 * @param slug the chapter's slug
	 * @param title the chapter's title
	 * @param difficulty the chapter's difficulty
	 * @param reason why it is next
	 */
	record Topic(@Schema(example = "ros2-architecture") String slug,
			@Schema(example = "ROS 2 Architecture: Nodes, Topics, Services and Actions") String title,
			Difficulty difficulty, @Schema(example = "Closes a skill gap: ROS 2") String reason) {
	}

	/**
	 * @param skill the missing skill
	 * @param reason why the book needs it
	 * @param chapter the slug of the chapter that teaches it
	 */
	record SkillGap(@Schema(example = "ROS 2") String skill,
			@Schema(example = "Most chapters from part III on run on ROS 2") String reason,
			@Schema(example = "ros2-architecture") String chapter) {
	}

}
