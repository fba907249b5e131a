package ai.physical.textbook.api.personalization;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ai.physical.textbook.api.catalog.Difficulty;

/**
 * Seed P4-T3: content preferences from expertise. Focus areas come first from specializations (what the reader wants),
 * then from frameworks and platforms they use (what they work with); with nothing to go on, {@code foundations}.
 * Beginners and intermediates see beginner topics; intermediates and above see advanced ones.
 */
final class ContentPreferencesBuilder {

	/** What a framework or platform tag says about a reader's interests. */
	private static final Map<String, String> FOCUS_OF_TAG = Map.ofEntries(Map.entry("ros2", "ros2"),
			Map.entry("gazebo", "simulation"), Map.entry("isaac-sim", "simulation"), Map.entry("mujoco", "simulation"),
			Map.entry("isaac-lab", "reinforcement-learning"), Map.entry("opencv", "perception"),
			Map.entry("open3d", "perception"), Map.entry("pytorch", "machine-learning"),
			Map.entry("tensorflow", "machine-learning"), Map.entry("lerobot", "machine-learning"),
			Map.entry("moveit", "manipulation"), Map.entry("nav2", "navigation"), Map.entry("tensorrt", "edge-ai"),
			Map.entry("isaac-ros", "edge-ai"), Map.entry("micro-ros", "embedded"), Map.entry("ros2-control", "control"),
			Map.entry("arduino", "embedded"), Map.entry("esp32", "embedded"), Map.entry("raspberry-pi", "embedded"),
			Map.entry("jetson", "edge-ai"));

	private ContentPreferencesBuilder() {
	}

	static ContentPreferences build(Expertise expertise) {
		Set<String> focus = new LinkedHashSet<>(expertise.software().focusAreas());
		expertise.software().frameworks().stream().map(Expertise.Skill::tag).filter(Objects::nonNull)
			.map(FOCUS_OF_TAG::get).filter(Objects::nonNull).forEach(focus::add);
		List<String> platforms = platformTags(expertise);
		platforms.stream().map(FOCUS_OF_TAG::get).filter(Objects::nonNull).forEach(focus::add);
		if (focus.isEmpty()) {
			focus.add("foundations");
		}
		Difficulty level = expertise.overallLevel();
		return new ContentPreferences(level, List.copyOf(focus), platforms, level.compareTo(Difficulty.INTERMEDIATE) >= 0,
				level.compareTo(Difficulty.INTERMEDIATE) <= 0);
	}

	static List<String> platformTags(Expertise expertise) {
		return expertise.hardware().platforms().stream().map(Expertise.Skill::tag).filter(Objects::nonNull).distinct()
			.toList();
	}

}
