package ai.physical.textbook.api.personalization;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import ai.physical.textbook.api.catalog.Difficulty;

/**
 * Seed P4-T3: what content suits the reader; stored in {@code personalization.user_preferences}.
 *
 * @param difficultySetting the difficulty to default to (the overall level)
 * @param focusAreas catalog focus areas from specializations, frameworks and platforms, most specific first
 * @param preferredPlatforms catalog platform tags of the platforms the reader knows, in their order
 * @param showAdvancedTopics whether advanced and expert material is offered
 * @param showBeginnerTopics whether beginner material is offered
 */
@Schema(description = "Content preferences derived from the reader's expertise")
record ContentPreferences(Difficulty difficultySetting,
		@Schema(example = "[\"perception\", \"ros2\", \"edge-ai\"]") List<String> focusAreas,
		@Schema(example = "[\"jetson\", \"raspberry-pi\"]") List<String> preferredPlatforms, boolean showAdvancedTopics,
		boolean showBeginnerTopics) {
}
