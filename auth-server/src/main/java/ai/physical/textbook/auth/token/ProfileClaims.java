package ai.physical.textbook.auth.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import ai.physical.textbook.auth.profile.CompleteProfile;
import ai.physical.textbook.auth.profile.HardwareBackground;
import ai.physical.textbook.auth.profile.ProfileService;
import ai.physical.textbook.auth.profile.SoftwareBackground;

/**
 * The custom claims of the original plan ({@code email}, {@code name}, {@code profileComplete},
 * {@code softwareBackground}, {@code hardwareBackground}, {@code roles}), taken at the moment a token is minted or
 * {@code /userinfo} is asked, so a refresh after a profile change carries the new values.
 *
 * <p>They come through {@link ProfileService#findComplete}, i.e. the profile cache ({@code textbook:profile:<userId>},
 * 1 h) in front of the complete-profile JOIN: token issue, refresh and userinfo then cost one Redis GET instead of a
 * database query. Correctness rests on the cache being evicted by every profile change ({@code ProfileService.save});
 * with Redis down the read falls back to the database, and an eviction that failed while Redis was down leaves a
 * stale entry for at most the cache's TTL (the same rule as the profile API's).
 */
@Component
class ProfileClaims {

	static final String EMAIL = "email";

	static final String NAME = "name";

	static final String PROFILE_COMPLETE = "profileComplete";

	static final String SOFTWARE_BACKGROUND = "softwareBackground";

	static final String HARDWARE_BACKGROUND = "hardwareBackground";

	static final String ROLES = "roles";

	private static final String REQUEST_ATTRIBUTE = ProfileClaims.class.getName() + ".";

	private final ProfileService profiles;

	ProfileClaims(ProfileService profiles) {
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
		// A token response carries an access token and an ID token: both read the profile once, from one snapshot.
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		String attribute = REQUEST_ATTRIBUTE + userId;
		if (request != null && request.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST) instanceof Map<?, ?> seen) {
			return Optional.of(cast(seen));
		}
		Optional<Map<String, Object>> claims = this.profiles.findComplete(userId).map(ProfileClaims::claims);
		if (request != null && claims.isPresent()) {
			request.setAttribute(attribute, claims.get(), RequestAttributes.SCOPE_REQUEST);
		}
		return claims;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Map<?, ?> claims) {
		return (Map<String, Object>) claims;
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
