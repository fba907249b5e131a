package ai.physical.textbook.auth.profile;

import java.util.List;

/**
 * What a reader knows of software. Field names are the claim and JSON names of the original plan.
 */
public record SoftwareBackground(List<String> programmingLanguages, List<String> frameworks, String experienceLevel,
		List<String> specializations, Integer yearsOfExperience) {

	public static final List<String> EXPERIENCE_LEVELS = List.of("beginner", "intermediate", "advanced", "expert");

	public static SoftwareBackground empty() {
		return new SoftwareBackground(List.of(), List.of(), null, List.of(), null);
	}

}
