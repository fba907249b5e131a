package ai.physical.textbook.api.personalization;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import ai.physical.textbook.api.catalog.Chapter;
import ai.physical.textbook.api.catalog.ContentCatalog;
import ai.physical.textbook.api.catalog.Difficulty;
import ai.physical.textbook.api.catalog.Vocabulary;

/**
 * Seed P4-T2: the learning path. Skill gaps are the skills the book relies on that the background does not show,
 * each pointing at the chapter that teaches it. Next topics are, in order: chapters that close gaps (when not more
 * than one level above the reader), then chapters at the reader's level or one above that match their focus areas,
 * then chapters at their level, each group in reading order; three to five of them.
 */
final class LearningPathGenerator {

	static final int MIN_TOPICS = 3;

	static final int MAX_TOPICS = 5;

	private LearningPathGenerator() {
	}

	static LearningPath generate(Expertise expertise, ContentPreferences preferences, ContentCatalog catalog) {
		List<LearningPath.SkillGap> gaps = skillGaps(expertise);
		Difficulty level = expertise.overallLevel();
		Map<String, LearningPath.Topic> topics = new LinkedHashMap<>();
		for (LearningPath.SkillGap gap : gaps) {
			catalog.chapter(gap.chapter())
				.filter((chapter) -> chapter.difficulty().ordinal() <= level.ordinal() + 1)
				.ifPresent((chapter) -> add(topics, chapter, "Closes a skill gap: " + gap.skill()));
		}
		Predicate<Chapter> nearLevel = (chapter) -> chapter.difficulty() == level
				|| chapter.difficulty() == level.shift(1);
		for (Chapter chapter : catalog.chapters()) {
			if (nearLevel.test(chapter) && chapter.focusAreas().stream().anyMatch(preferences.focusAreas()::contains)) {
				add(topics, chapter, "Builds on your interest in " + chapter.focusAreas()
					.stream()
					.filter(preferences.focusAreas()::contains)
					.map(Vocabulary::display)
					.collect(Collectors.joining(" and ")));
			}
		}
		for (Chapter chapter : catalog.chapters()) {
			if (topics.size() >= MIN_TOPICS) {
				break;
			}
			if (chapter.difficulty() == level) {
				add(topics, chapter, "Core " + level.value() + " material");
			}
		}
		return new LearningPath(level, topics.values().stream().limit(MAX_TOPICS).toList(), gaps);
	}

	private static void add(Map<String, LearningPath.Topic> topics, Chapter chapter, String reason) {
		topics.putIfAbsent(chapter.slug(),
				new LearningPath.Topic(chapter.slug(), chapter.title(), chapter.difficulty(), reason));
	}

	/** The skills the book relies on, in the order a reader should acquire them, minus those the background shows. */
	static List<LearningPath.SkillGap> skillGaps(Expertise expertise) {
		Set<String> languages = tags(expertise.software().languages());
		Set<String> frameworks = tags(expertise.software().frameworks());
		expertise.hardware().tools().forEach((tool) -> Vocabulary.framework(tool).ifPresent(frameworks::add));
		Set<String> platforms = tags(expertise.hardware().platforms());
		List<String> focus = expertise.software().focusAreas();
		Difficulty level = expertise.software().level();
		List<LearningPath.SkillGap> gaps = new ArrayList<>();
		gap(gaps, !languages.contains("python"), "Python",
				"Most examples and all machine-learning chapters use Python", "python-for-robotics");
		gap(gaps, expertise.hardware().roboticsExperience() == ReaderProfile.RoboticsExperience.NONE,
				"Robot hardware", "Knowing sensors and actuators makes every later chapter concrete",
				"sensors-and-actuators");
		gap(gaps, expertise.hardware().electronicsKnowledge() == ReaderProfile.ElectronicsKnowledge.NONE, "Electronics",
				"Wiring sensors and motors safely needs basic circuit knowledge", "electronics-fundamentals");
		gap(gaps, platforms.stream().noneMatch(Set.of("arduino", "esp32", "raspberry-pi", "jetson")::contains),
				"Embedded hardware", "Robots run on microcontrollers and single-board computers",
				"arduino-microcontrollers");
		gap(gaps, !frameworks.contains("ros2"), "ROS 2", "Most chapters from the ROS 2 part on run on ROS 2",
				"ros2-architecture");
		gap(gaps, !frameworks.contains("opencv") && !focus.contains("perception"), "Computer vision",
				"Perception turns camera pixels into something a robot can act on", "cameras-and-opencv");
		gap(gaps, Set.of("gazebo", "isaac-sim", "mujoco").stream().noneMatch(frameworks::contains), "Simulation",
				"Simulation lets you test robots before risking hardware", "gazebo-simulation");
		gap(gaps, Set.of("pytorch", "tensorflow").stream().noneMatch(frameworks::contains)
				&& !focus.contains("machine-learning"), "Machine learning",
				"Robot learning and VLA models build on machine-learning foundations", "ml-for-robotics");
		gap(gaps, !languages.contains("cpp") && level.compareTo(Difficulty.INTERMEDIATE) >= 0, "C++",
				"Real-time control and high-performance ROS 2 nodes are written in C++", "cpp-for-robotics");
		return List.copyOf(gaps);
	}

	private static void gap(List<LearningPath.SkillGap> gaps, boolean missing, String skill, String reason,
			String chapter) {
		if (missing) {
			gaps.add(new LearningPath.SkillGap(skill, reason, chapter));
		}
	}

	private static Set<String> tags(List<Expertise.Skill> skills) {
		return skills.stream()
			.map(Expertise.Skill::tag)
			.filter(Objects::nonNull)
			.collect(Collectors.toCollection(HashSet::new));
	}

	static Optional<LearningPath.SkillGap> gapTaughtBy(List<LearningPath.SkillGap> gaps, String chapterSlug) {
		return gaps.stream().filter((gap) -> gap.chapter().equals(chapterSlug)).findFirst();
	}

}
