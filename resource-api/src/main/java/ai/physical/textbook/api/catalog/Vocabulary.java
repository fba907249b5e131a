package ai.physical.textbook.api.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the free-text names readers give in their background ("NVIDIA Jetson Orin Nano", "C++", "ROS2") onto the
 * catalog's tags ({@code jetson}, {@code cpp}, {@code ros2}), and tags back to display names. Matching ignores case,
 * spaces and punctuation, and a name matches a tag when it starts with one of the tag's aliases, so model numbers and
 * versions ("Raspberry Pi 5", "Isaac Sim 4.5") still match.
 */
public final class Vocabulary {

	private static final Map<String, List<String>> PLATFORMS = aliases(
			"raspberry-pi", List.of("raspberrypi", "rpi", "raspi", "pi4", "pi5"),
			"arduino", List.of("arduino"),
			"esp32", List.of("esp32", "esp8266", "espressif"),
			"jetson", List.of("jetson", "nvidiajetson", "orin", "xavier"),
			"pc", List.of("pc", "desktop", "laptop", "linuxpc", "workstation", "x86", "ubuntu"));

	private static final Map<String, List<String>> FRAMEWORKS = aliases(
			"ros2", List.of("ros2", "ros", "robotoperatingsystem", "rclpy", "rclcpp"),
			"gazebo", List.of("gazebo", "ignitiongazebo", "gz"),
			"isaac-sim", List.of("isaacsim", "nvidiaisaacsim", "omniverse"),
			"isaac-lab", List.of("isaaclab", "isaacgym", "orbit"),
			"isaac-ros", List.of("isaacros"),
			"mujoco", List.of("mujoco"),
			"opencv", List.of("opencv", "cv2"),
			"open3d", List.of("open3d", "pcl", "pointcloudlibrary"),
			"pytorch", List.of("pytorch", "torch"),
			"tensorflow", List.of("tensorflow", "keras", "tflite"),
			"tensorrt", List.of("tensorrt", "onnx"),
			"lerobot", List.of("lerobot", "huggingface"),
			"moveit", List.of("moveit"),
			"nav2", List.of("nav2", "navigation2"),
			"ros2-control", List.of("ros2control", "roscontrol"),
			"micro-ros", List.of("microros"),
			"numpy", List.of("numpy", "scipy"),
			"gpiozero", List.of("gpiozero", "rpigpio"));

	private static final Map<String, List<String>> LANGUAGES = aliases(
			"python", List.of("python", "py"),
			"cpp", List.of("cpp", "c++", "cplusplus", "cc++"));

	/** Specialization words and the focus areas they mean. */
	private static final Map<String, List<String>> SPECIALIZATION_FOCUS = aliasesToMany(
			List.of("computervision", "vision", "perception", "imageprocessing"), List.of("perception"),
			List.of("machinelearning", "deeplearning", "ml", "ai", "artificialintelligence", "datascience"),
			List.of("machine-learning"),
			List.of("reinforcementlearning", "rl"), List.of("reinforcement-learning"),
			List.of("control", "controls", "controlsystems", "controltheory"), List.of("control"),
			List.of("embedded", "firmware", "iot", "microcontrollers"), List.of("embedded"),
			List.of("electronics", "pcb", "circuits"), List.of("electronics"),
			List.of("navigation", "slam", "autonomousvehicles", "mobilerobots", "mobilerobotics"), List.of("navigation"),
			List.of("manipulation", "roboticarms", "grasping"), List.of("manipulation"),
			List.of("simulation", "gamedevelopment", "3dgraphics"), List.of("simulation"),
			List.of("humanoid", "legged", "locomotion"), List.of("humanoids"),
			List.of("nlp", "naturallanguage", "llm", "languagemodels", "generativeai", "vla"), List.of("vla"),
			List.of("kinematics", "mechanics", "mechanicalengineering"), List.of("kinematics"),
			List.of("edgeai", "edgecomputing"), List.of("edge-ai"),
			List.of("safety"), List.of("safety"));

	private static final Map<String, String> DISPLAY = Map.ofEntries(Map.entry("raspberry-pi", "Raspberry Pi"),
			Map.entry("arduino", "Arduino"), Map.entry("esp32", "ESP32"), Map.entry("jetson", "NVIDIA Jetson"),
			Map.entry("pc", "Linux PC"), Map.entry("ros2", "ROS 2"), Map.entry("gazebo", "Gazebo"),
			Map.entry("isaac-sim", "Isaac Sim"), Map.entry("isaac-lab", "Isaac Lab"),
			Map.entry("isaac-ros", "Isaac ROS"), Map.entry("mujoco", "MuJoCo"), Map.entry("opencv", "OpenCV"),
			Map.entry("open3d", "Open3D"), Map.entry("pytorch", "PyTorch"), Map.entry("tensorflow", "TensorFlow"),
			Map.entry("tensorrt", "TensorRT"), Map.entry("lerobot", "LeRobot"), Map.entry("moveit", "MoveIt 2"),
			Map.entry("nav2", "Nav2"), Map.entry("ros2-control", "ros2_control"), Map.entry("micro-ros", "micro-ROS"),
			Map.entry("numpy", "NumPy"), Map.entry("gpiozero", "gpiozero"), Map.entry("python", "Python"),
			Map.entry("cpp", "C++"), Map.entry("machine-learning", "machine learning"),
			Map.entry("reinforcement-learning", "reinforcement learning"), Map.entry("vla", "vision-language-action"),
			Map.entry("edge-ai", "edge AI"));

	private Vocabulary() {
	}

	/** The platform tag for a reader's platform name, if the catalog knows it. */
	public static Optional<String> platform(String name) {
		return lookup(PLATFORMS, name);
	}

	/** The framework tag for a reader's framework or tool name, if the catalog knows it. */
	public static Optional<String> framework(String name) {
		return lookup(FRAMEWORKS, name);
	}

	/** The language tag for a reader's language name, if the catalog has code in it. */
	public static Optional<String> language(String name) {
		return lookup(LANGUAGES, name);
	}

	/** The focus areas a specialization ("Computer Vision", "Embedded Systems") points to. */
	public static List<String> focusAreasOf(String specialization) {
		return lookup(SPECIALIZATION_FOCUS, specialization).map((joined) -> List.of(joined.split(",")))
			.orElse(List.of());
	}

	/** A tag's human-readable name ("jetson" gives "NVIDIA Jetson"); unknown tags are returned unchanged. */
	public static String display(String tag) {
		return DISPLAY.getOrDefault(tag, tag);
	}

	static String squash(String name) {
		StringBuilder out = new StringBuilder(name.length());
		for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
			if (Character.isLetterOrDigit(c) || c == '+') {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static Optional<String> lookup(Map<String, List<String>> table, String name) {
		if (name == null) {
			return Optional.empty();
		}
		String squashed = squash(name);
		if (squashed.isEmpty()) {
			return Optional.empty();
		}
		// Exact alias first ("ros" is ROS 2, not a prefix of "rosbag"), then the longest matching alias prefix.
		String best = null;
		int bestLength = 0;
		for (Map.Entry<String, List<String>> entry : table.entrySet()) {
			for (String alias : entry.getValue()) {
				if (squashed.equals(alias)) {
					return Optional.of(entry.getKey());
				}
				if (alias.length() >= 3 && squashed.startsWith(alias) && alias.length() > bestLength) {
					best = entry.getKey();
					bestLength = alias.length();
				}
			}
		}
		return Optional.ofNullable(best);
	}

	private static Map<String, List<String>> aliases(Object... tagsAndAliases) {
		Map<String, List<String>> table = new LinkedHashMap<>();
		for (int i = 0; i < tagsAndAliases.length; i += 2) {
			@SuppressWarnings("unchecked")
			List<String> aliases = (List<String>) tagsAndAliases[i + 1];
			table.put((String) tagsAndAliases[i], aliases);
		}
		return table;
	}

	private static Map<String, List<String>> aliasesToMany(Object... aliasesAndTags) {
		Map<String, List<String>> table = new LinkedHashMap<>();
		for (int i = 0; i < aliasesAndTags.length; i += 2) {
			@SuppressWarnings("unchecked")
			List<String> aliases = (List<String>) aliasesAndTags[i];
			@SuppressWarnings("unchecked")
			List<String> tags = (List<String>) aliasesAndTags[i + 1];
			table.put(String.join(",", tags), aliases);
		}
		return table;
	}

}
