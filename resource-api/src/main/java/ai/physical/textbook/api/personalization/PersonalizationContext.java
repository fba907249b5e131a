package ai.physical.textbook.api.personalization;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Everything the textbook needs to personalize a reader's pages (seed P4-T7).
 *
 * @param userId the reader
 * @param profileFingerprint a hash of the profile claims the context was built from; a token whose claims hash
 * differently makes a cached context stale
 * @param generatedAt when the context was built
 * @param expertise inferred expertise
 * @param learningPath current level, next topics and skill gaps
 * @param contentPreferences content preferences (also stored in the database)
 * @param uiAdaptations page adaptations
 * @param recommendations top chapters and projects
 */
@Schema(description = "The reader's personalization context")
record PersonalizationContext(UUID userId,
		@Schema(example = "9f2c0d6a53b1e0c4a7d8f1e2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6") String profileFingerprint,
		Instant generatedAt, Expertise expertise, LearningPath learningPath, ContentPreferences contentPreferences,
		UiAdaptations uiAdaptations, Recommendations recommendations) {
}
