package ai.physical.textbook.auth.profile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * User + profile + both backgrounds, as read by {@link ProfileRepository#findComplete(UUID)}.
 */
public record CompleteProfile(UUID userId, String email, String name, List<String> roles, Instant createdAt,
		UUID profileId, boolean profileComplete, SoftwareBackground softwareBackground,
		HardwareBackground hardwareBackground, Instant updatedAt) {

	/**
	 * The completion rule of the original plan (checkProfileCompletion), unchanged.
	 */
	public static boolean isComplete(SoftwareBackground software, HardwareBackground hardware) {
		return software != null && hardware != null && software.programmingLanguages() != null
				&& software.programmingLanguages().size() >= 1 && software.experienceLevel() != null
				&& hardware.familiarPlatforms() != null && hardware.familiarPlatforms().size() >= 1
				&& hardware.roboticsExperience() != null && hardware.electronicsKnowledge() != null;
	}

}
