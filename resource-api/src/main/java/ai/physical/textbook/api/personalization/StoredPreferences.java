package ai.physical.textbook.api.personalization;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import ai.physical.textbook.api.catalog.Difficulty;

/**
 * A row of {@code personalization.user_preferences}.
 *
 * @param userId the user
 * @param difficultySetting the stored difficulty
 * @param focusAreas the stored focus areas
 * @param preferredPlatforms the stored platform tags
 * @param updatedAt when the row was last written
 */
@Schema(description = "The content preferences stored for a user")
record StoredPreferences(UUID userId, Difficulty difficultySetting,
		@Schema(example = "[\"embedded\"]") List<String> focusAreas,
		@Schema(example = "[\"raspberry-pi\"]") List<String> preferredPlatforms, Instant updatedAt) {
}
