package ai.physical.textbook.auth.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import ai.physical.textbook.auth.profile.CompleteProfile;
import ai.physical.textbook.auth.profile.HardwareBackground;
import ai.physical.textbook.auth.profile.ProfileRepository;
import ai.physical.textbook.auth.profile.SoftwareBackground;

/**
 * The custom claims of the original plan ({@code email}, {@code name}, {@code profileComplete},
 * {@code softwareBackground}, {@code hardwareBackground}, {@code roles}), read from the database at the moment a
 * token is minted, so a refresh after a profile change carries the new values.
 */
@Component
class ProfileClaims {

	static final String EMAIL = "email";

	static final String NAME = "name";

	static final String PROFILE_COMPLETE = "profileComplete";

	static final String SOFTWARE_BACKGROUND = "softwareBackground";

	static final String HARDWARE_BACKGROUND = "hardwareBackground";

	static final String ROLES = "roles";

	private final ProfileRepository profiles;

	ProfileClaims(ProfileRepository profiles) {
		this.profiles = profiles;
	}

	/**
	 * @param principalName the principal name, the user id for users
	 * @return the claims, empty when the principal is not a user (a client) or no longer exists
	 */
	Optional<Map<String, Object>> forPrincipal(String principalName) {
		UUID userId = HashedAuthorizationService.userId(principalName);
		if (userId == null) {
			return Optional.empty();
		}
		return this.profiles.findComplete(userId).map(ProfileClaims::claims);
	}

	static Map<String, Object> claims(CompleteProfile profile) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put(EMAIL, profile.email());
		claims.put(NAME, (profile.name() != null) ? profile.name() : "");
		claims.put(PROFILE_COMPLETE, profile.profileComplete());
		claims.put(SOFTWARE_BACKGROUND, software(profile.softwareBackground()));
		claims.put(HARDWARE_BACKGROUND, hardware(profile.hardwareBackground()));
		claims.put(ROLES, profile.roles().isEmpty() ? List.of("user") : profile.roles());
		return claims;
	}

	private static Map<String, Object> software(SoftwareBackground software) {
		SoftwareBackground value = (software != null) ? software : SoftwareBackground.empty();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("programmingLanguages", value.programmingLanguages());
		map.put("frameworks", value.frameworks());
		map.put("experienceLevel", value.experienceLevel());
		map.put("specializations", value.specializations());
		map.put("yearsOfExperience", value.yearsOfExperience());
		return map;
	}

	private static Map<String, Object> hardware(HardwareBackground hardware) {
		HardwareBackground value = (hardware != null) ? hardware : HardwareBackground.empty();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("familiarPlatforms", value.familiarPlatforms());
		map.put("roboticsExperience", value.roboticsExperience());
		map.put("electronicsKnowledge", value.electronicsKnowledge());
		map.put("preferredTools", value.preferredTools());
		return map;
	}

}
