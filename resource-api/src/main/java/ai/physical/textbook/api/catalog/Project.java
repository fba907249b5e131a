package ai.physical.textbook.api.catalog;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A hands-on project of the textbook.
 *
 * @param slug stable identifier, used in URLs
 * @param position order in the project list, from 1
 * @param title the title
 * @param summary what is built and learned
 * @param difficulty how demanding it is
 * @param focusAreas topics, from the catalog vocabulary
 * @param platforms hardware it needs
 * @param frameworks software frameworks it uses
 * @param languages programming languages of its code
 * @param prerequisites slugs of chapters to read first
 * @param estimatedHours build time
 */
@Schema(description = "A hands-on project of the Physical AI textbook")
public record Project(@Schema(example = "pi-line-follower") String slug, @Schema(example = "3") int position,
		@Schema(example = "Raspberry Pi Line-Following Robot") String title, String summary, Difficulty difficulty,
		@Schema(example = "[\"embedded\", \"control\"]") List<String> focusAreas,
		@Schema(example = "[\"raspberry-pi\"]") List<String> platforms,
		@Schema(example = "[\"gpiozero\"]") List<String> frameworks, @Schema(example = "[\"python\"]") List<String> languages,
		@Schema(example = "[\"raspberry-pi-robot-brain\"]") List<String> prerequisites,
		@Schema(example = "6") int estimatedHours) implements CatalogItem {
}
