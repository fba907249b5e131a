package ai.physical.textbook.api.personalization;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import ai.physical.textbook.api.catalog.Difficulty;

/**
 * What the reader knows, inferred from their background (seed P4-T1).
 *
 * @param software software expertise
 * @param hardware hardware expertise
 * @param overallLevel the two levels combined (their mean, rounded up)
 */
@Schema(description = "Expertise inferred from the reader's software and hardware background")
record Expertise(SoftwareExpertise software, HardwareExpertise hardware, Difficulty overallLevel) {

	/**
	 * @param level the declared experience level
	 * @param languages each language with an inferred proficiency
	 * @param frameworks each framework with an inferred proficiency
	 * @param focusAreas catalog focus areas the specializations point to
	 * @param yearsOfExperience years of experience (0 when not given)
	 */
	record SoftwareExpertise(Difficulty level, List<Skill> languages, List<Skill> frameworks, List<String> focusAreas,
			int yearsOfExperience) {
	}

	/**
	 * @param level the level inferred from robotics experience and electronics knowledge
	 * @param platforms each platform with an inferred proficiency
	 * @param roboticsExperience as declared
	 * @param electronicsKnowledge as declared
	 * @param tools preferred tools as declared
	 */
	record HardwareExpertise(Difficulty level, List<Skill> platforms, ReaderProfile.RoboticsExperience roboticsExperience,
			ReaderProfile.ElectronicsKnowledge electronicsKnowledge, List<String> tools) {
	}

	/**
	 * @param name the name as the reader wrote it
	 * @param tag the catalog tag it maps to, or {@code null} when the catalog has no content for it
	 * @param proficiency the inferred proficiency
	 */
	record Skill(@Schema(example = "Raspberry Pi 5") String name, @Schema(example = "raspberry-pi") String tag,
			Difficulty proficiency) {
	}

}
