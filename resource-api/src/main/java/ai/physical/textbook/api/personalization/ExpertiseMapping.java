package ai.physical.textbook.api.personalization;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ai.physical.textbook.api.catalog.Difficulty;
import ai.physical.textbook.api.catalog.Vocabulary;

/**
 * Seed P4-T1: maps a reader's background to expertise levels. Pure functions, so the rules are easy to test and to
 * read:
 * <ul>
 * <li>software level = the declared experience level;</li>
 * <li>a language's proficiency = the experience level for the first (primary) language, one level lower for the
 * others, plus one when a specialization leans on it (embedded/electronics for C++; machine learning, vision,
 * reinforcement learning and VLA for Python);</li>
 * <li>a framework's proficiency = the experience level (readers list frameworks they work with);</li>
 * <li>hardware level (and each platform's proficiency) from robotics experience (none 0, hobbyist 1,
 * professional 2) plus electronics knowledge (none 0 … advanced 3): 0–1 beginner, 2 intermediate, 3–4 advanced,
 * 5 expert;</li>
 * <li>overall level = the mean of software and hardware levels, rounded up.</li>
 * </ul>
 */
final class ExpertiseMapping {

	private static final Set<String> CPP_FOCUS = Set.of("embedded", "electronics", "control");

	private static final Set<String> PYTHON_FOCUS = Set.of("machine-learning", "perception", "reinforcement-learning",
			"vla");

	private ExpertiseMapping() {
	}

	static Expertise map(ReaderProfile profile) {
		Expertise.SoftwareExpertise software = mapSoftwareExpertise(profile.software());
		Expertise.HardwareExpertise hardware = mapHardwareExpertise(profile.hardware());
		int combined = (software.level().ordinal() + hardware.level().ordinal() + 1) / 2;
		return new Expertise(software, hardware, Difficulty.values()[combined]);
	}

	static Expertise.SoftwareExpertise mapSoftwareExpertise(ReaderProfile.SoftwareBackground background) {
		List<String> focusAreas = specializationFocus(background.specializations());
		List<Expertise.Skill> languages = new ArrayList<>();
		for (int i = 0; i < background.programmingLanguages().size(); i++) {
			String name = background.programmingLanguages().get(i);
			String tag = Vocabulary.language(name).orElse(null);
			languages.add(new Expertise.Skill(name, tag,
					inferLanguageProficiency(background.experienceLevel(), focusAreas, tag, i == 0)));
		}
		List<Expertise.Skill> frameworks = background.frameworks()
			.stream()
			.map((name) -> new Expertise.Skill(name, Vocabulary.framework(name).orElse(null),
					inferFrameworkProficiency(background.experienceLevel())))
			.toList();
		return new Expertise.SoftwareExpertise(background.experienceLevel(), List.copyOf(languages), frameworks,
				focusAreas, background.yearsOfExperience());
	}

	static Expertise.HardwareExpertise mapHardwareExpertise(ReaderProfile.HardwareBackground background) {
		Difficulty level = inferPlatformProficiency(background.roboticsExperience(), background.electronicsKnowledge());
		List<Expertise.Skill> platforms = background.familiarPlatforms()
			.stream()
			.map((name) -> new Expertise.Skill(name, Vocabulary.platform(name).orElse(null), level))
			.toList();
		return new Expertise.HardwareExpertise(level, platforms, background.roboticsExperience(),
				background.electronicsKnowledge(), background.preferredTools());
	}

	static Difficulty inferLanguageProficiency(Difficulty experienceLevel, List<String> specializationFocus,
			String languageTag, boolean primary) {
		Difficulty proficiency = primary ? experienceLevel : experienceLevel.shift(-1);
		boolean boosted = ("cpp".equals(languageTag) && specializationFocus.stream().anyMatch(CPP_FOCUS::contains))
				|| ("python".equals(languageTag) && specializationFocus.stream().anyMatch(PYTHON_FOCUS::contains));
		return boosted ? proficiency.shift(1) : proficiency;
	}

	static Difficulty inferFrameworkProficiency(Difficulty experienceLevel) {
		return experienceLevel;
	}

	static Difficulty inferPlatformProficiency(ReaderProfile.RoboticsExperience robotics,
			ReaderProfile.ElectronicsKnowledge electronics) {
		int score = robotics.ordinal() + electronics.ordinal();
		if (score <= 1) {
			return Difficulty.BEGINNER;
		}
		if (score == 2) {
			return Difficulty.INTERMEDIATE;
		}
		return (score <= 4) ? Difficulty.ADVANCED : Difficulty.EXPERT;
	}

	private static List<String> specializationFocus(List<String> specializations) {
		Set<String> focus = new LinkedHashSet<>();
		specializations.forEach((specialization) -> focus.addAll(Vocabulary.focusAreasOf(specialization)));
		return List.copyOf(focus);
	}

}
