package ai.physical.textbook.auth.profile;

import java.util.List;

/**
 * The suggestions the profile form offers, chosen for a Physical AI and robotics textbook. Readers can add anything
 * else in the "other" box of each list; these are only the common answers, one click away.
 */
final class ProfileChoices {

	static final List<String> PROGRAMMING_LANGUAGES = List.of("Python", "C++", "C", "Rust", "JavaScript",
			"TypeScript", "Java", "C#", "Go", "MATLAB", "Julia", "Lua");

	static final List<String> FRAMEWORKS = List.of("ROS 2", "ROS 1", "PyTorch", "TensorFlow", "JAX", "OpenCV",
			"MoveIt 2", "Nav2", "Isaac Sim", "Isaac Lab", "Gazebo", "MuJoCo", "PyBullet", "Webots",
			"Hugging Face Transformers", "LeRobot", "Unity ML-Agents", "Stable-Baselines3");

	static final List<String> SPECIALIZATIONS = List.of("Computer vision", "Perception", "SLAM and localization",
			"Motion planning", "Control systems", "Manipulation", "Locomotion", "Reinforcement learning",
			"Imitation learning", "Vision-language-action models", "Natural language processing", "Embedded systems",
			"Simulation", "Human-robot interaction");

	static final List<String> PLATFORMS = List.of("NVIDIA Jetson", "Raspberry Pi", "Arduino", "ESP32", "STM32",
			"Desktop GPU (CUDA)", "TurtleBot", "Unitree robots", "Robot arms (UR, Franka, xArm)", "Drones (PX4, ArduPilot)",
			"Intel RealSense", "LiDAR sensors");

	static final List<String> TOOLS = List.of("Isaac Sim", "Gazebo", "RViz", "Foxglove", "Docker", "VS Code",
			"Jupyter", "KiCad", "Fusion 360", "Blender", "Oscilloscope", "Multimeter", "Soldering iron", "3D printer");

	private ProfileChoices() {
	}

}
