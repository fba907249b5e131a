package ai.physical.textbook.auth.profile;

import java.util.List;

/**
 * What a reader knows of hardware. Field names are the claim and JSON names of the original plan.
 */
public record HardwareBackground(List<String> familiarPlatforms, String roboticsExperience,
		String electronicsKnowledge, List<String> preferredTools) {

	public static final List<String> ROBOTICS_EXPERIENCE = List.of("none", "hobbyist", "professional");

	public static final List<String> ELECTRONICS_KNOWLEDGE = List.of("none", "basic", "intermediate", "advanced");

	public static HardwareBackground empty() {
		return new HardwareBackground(List.of(), null, null, List.of());
	}

}
