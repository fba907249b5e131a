package ai.physical.textbook.api.catalog;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A chapter of the textbook.
 *
 * @param slug stable identifier, used in URLs
 * @param position reading order, from 1
 * @param part the part of the book
 * @param title the title
 * @param summary what the chapter teaches
 * @param difficulty how demanding it is
 * @param focusAreas topics, from the catalog vocabulary
 * @param platforms hardware it uses
 * @param frameworks software frameworks it uses
 * @param languages programming languages of its code
 * @param prerequisites slugs of chapters to read first
 * @param estimatedMinutes reading and exercise time
 */
@Schema(description = "A chapter of the Physical AI textbook")
public record Chapter(@Schema(example = "ros2-python-nodes") String slug, @Schema(example = "16") int position,
		@Schema(example = "ROS 2") String part, @Schema(example = "Writing ROS 2 Nodes in Python with rclpy") String title,
		String summary, Difficulty difficulty, @Schema(example = "[\"ros2\"]") List<String> focusAreas,
		@Schema(example = "[\"pc\", \"raspberry-pi\"]") List<String> platforms,
		@Schema(example = "[\"ros2\"]") List<String> frameworks, @Schema(example = "[\"python\"]") List<String> languages,
		@Schema(example = "[\"ros2-architecture\", \"python-for-robotics\"]") List<String> prerequisites,
		@Schema(example = "120") int estimatedMinutes) implements CatalogItem {
}
