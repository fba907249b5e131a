package ai.physical.textbook.api.personalization;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import ai.physical.textbook.api.catalog.Difficulty;
import ai.physical.textbook.api.personalization.ReaderProfile.ElectronicsKnowledge;
import ai.physical.textbook.api.personalization.ReaderProfile.HardwareBackground;
import ai.physical.textbook.api.personalization.ReaderProfile.RoboticsExperience;
import ai.physical.textbook.api.personalization.ReaderProfile.SoftwareBackground;
import ai.physical.textbook.api.testing.ResourceApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recommendations for typical readers over the real catalog (loaded by Liquibase). The expected lists follow from the
 * scoring table in {@link Recommender}; they are what a teacher would hand these readers.
 */
class RecommendationRankingTests extends ResourceApiIntegrationTest {

	@Autowired
	PersonalizationService personalization;

	static ReaderProfile beginnerPythonRaspberryPi() {
		return new ReaderProfile(UUID.randomUUID(), true,
				new SoftwareBackground(List.of("Python"), List.of(), Difficulty.BEGINNER, List.of(), 0),
				new HardwareBackground(List.of("Raspberry Pi"), RoboticsExperience.NONE, ElectronicsKnowledge.BASIC,
						List.of()));
	}

	static ReaderProfile expertCppRos2Jetson() {
		return new ReaderProfile(UUID.randomUUID(), true,
				new SoftwareBackground(List.of("C++", "Python"), List.of("ROS 2", "OpenCV", "PyTorch"), Difficulty.EXPERT,
						List.of("Computer Vision", "Embedded Systems"), 12),
				new HardwareBackground(List.of("NVIDIA Jetson AGX Orin", "Arduino"), RoboticsExperience.PROFESSIONAL,
						ElectronicsKnowledge.ADVANCED, List.of("Gazebo")));
	}

	static ReaderProfile intermediateMachineLearningNoHardware() {
		return new ReaderProfile(UUID.randomUUID(), true,
				new SoftwareBackground(List.of("Python"), List.of("PyTorch", "NumPy"), Difficulty.INTERMEDIATE,
						List.of("Machine Learning"), 3),
				new HardwareBackground(List.of("Linux PC"), RoboticsExperience.NONE, ElectronicsKnowledge.NONE,
						List.of()));
	}

	@Test
	void whenBeginnerWithPythonAndRaspberryPiThenPiAndFirstStepChaptersLead() {
		PersonalizationContext context = this.personalization.build(beginnerPythonRaspberryPi());

		assertThat(context.learningPath().currentLevel()).isEqualTo(Difficulty.BEGINNER);
		assertThat(slugs(context.recommendations().chapters())).containsExactly("raspberry-pi-robot-brain",
				"ros2-architecture", "cameras-and-opencv", "sensors-and-actuators", "driving-motors");
		assertThat(slugs(context.recommendations().projects())).containsExactly("pi-line-follower",
				"weather-station-node", "color-tracking-camera", "ros2-pi-rover", "gesture-controlled-robot");
		assertThat(context.recommendations().chapters().get(0).reasons()).contains("Matches your level (beginner)",
				"Runs on your Raspberry Pi", "Code in Python");
		assertThat(context.recommendations().chapters()).allSatisfy((r) -> assertThat(r.difficulty())
			.isIn(Difficulty.BEGINNER, Difficulty.INTERMEDIATE));
		assertThat(context.uiAdaptations()).isEqualTo(new UiAdaptations("Python", "Raspberry Pi", true, true, true,
				false));
		assertThat(context.learningPath().skillGaps()).extracting(LearningPath.SkillGap::skill)
			.containsExactly("Robot hardware", "ROS 2", "Computer vision", "Simulation", "Machine learning");
	}

	@Test
	void whenExpertWithCppRos2AndJetsonThenEdgeAndRealTimeMaterialLeads() {
		PersonalizationContext context = this.personalization.build(expertCppRos2Jetson());

		assertThat(context.learningPath().currentLevel()).isEqualTo(Difficulty.EXPERT);
		assertThat(context.learningPath().skillGaps()).isEmpty();
		assertThat(slugs(context.recommendations().chapters())).containsExactly("tensorrt-on-jetson", "micro-ros",
				"vla-on-the-edge", "ros2-dds-and-qos", "ros2-control");
		assertThat(slugs(context.recommendations().projects())).containsExactly("ros2-control-hardware",
				"tensorrt-perception-pipeline", "slam-home-mapper", "vla-tabletop-jetson", "moveit-pick-and-place");
		assertThat(context.recommendations().chapters().get(0).reasons()).contains(
				"Covers your focus areas: edge AI, perception", "Runs on your NVIDIA Jetson");
		assertThat(context.contentPreferences().showBeginnerTopics()).isFalse();
		assertThat(context.uiAdaptations()).isEqualTo(new UiAdaptations("C++", "NVIDIA Jetson", true, false, false,
				true));
	}

	@Test
	void whenIntermediateMachineLearningEngineerWithoutHardwareThenLearningChaptersAndHardwareGaps() {
		PersonalizationContext context = this.personalization.build(intermediateMachineLearningNoHardware());

		assertThat(context.learningPath().currentLevel()).isEqualTo(Difficulty.INTERMEDIATE);
		assertThat(slugs(context.recommendations().chapters())).containsExactly("ml-for-robotics", "object-detection",
				"gazebo-simulation", "reinforcement-learning", "imitation-learning");
		assertThat(context.learningPath().skillGaps()).extracting(LearningPath.SkillGap::skill)
			.containsExactly("Robot hardware", "Electronics", "Embedded hardware", "ROS 2", "Computer vision",
					"Simulation", "C++");
		assertThat(context.learningPath().nextTopics()).hasSizeBetween(3, 5);
		assertThat(context.learningPath().nextTopics().get(0).reason()).isEqualTo("Closes a skill gap: Robot hardware");
	}

	@Test
	void whenSameProfileRankedTwiceThenSameOrder() {
		ReaderProfile profile = expertCppRos2Jetson();
		assertThat(this.personalization.build(profile).recommendations())
			.isEqualTo(this.personalization.build(profile).recommendations());
	}

	private static List<String> slugs(List<Recommendations.Recommendation> recommendations) {
		return recommendations.stream().map(Recommendations.Recommendation::slug).toList();
	}

}
