package ai.physical.textbook.api.personalization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.security.oauth2.jwt.Jwt;

import ai.physical.textbook.api.catalog.Difficulty;

/**
 * The reader as the access token describes them: resource-api reads no profile tables, it trusts the token's
 * {@code softwareBackground} and {@code hardwareBackground} claims (shapes in docs/architecture.md).
 *
 * @param userId the token's subject
 * @param profileComplete the {@code profileComplete} claim
 * @param software the software background
 * @param hardware the hardware background
 */
record ReaderProfile(UUID userId, boolean profileComplete, SoftwareBackground software, HardwareBackground hardware) {

	/**
	 * The seed's software background (P3-T1).
	 */
	record SoftwareBackground(List<String> programmingLanguages, List<String> frameworks, Difficulty experienceLevel,
			List<String> specializations, int yearsOfExperience) {
	}

	/**
	 * The seed's hardware background (P3-T1).
	 */
	record HardwareBackground(List<String> familiarPlatforms, RoboticsExperience roboticsExperience,
			ElectronicsKnowledge electronicsKnowledge, List<String> preferredTools) {
	}

	/** The seed's robotics experience levels. */
	enum RoboticsExperience {

		NONE, HOBBYIST, PROFESSIONAL;

		@JsonValue
		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** The seed's electronics knowledge levels. */
	enum ElectronicsKnowledge {

		NONE, BASIC, INTERMEDIATE, ADVANCED;

		@JsonValue
		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * Reads the profile claims of a validated token. The auth-server validated the profile when it was saved, so
	 * reading is lenient: a missing or unknown value takes the lowest level rather than failing the request.
	 * @param token a validated access token of a user
	 * @return the reader's profile
	 * @throws IllegalArgumentException when the subject is not a user id
	 */
	static ReaderProfile fromToken(Jwt token) {
		Map<String, Object> software = map(token.getClaims().get("softwareBackground"));
		Map<String, Object> hardware = map(token.getClaims().get("hardwareBackground"));
		return new ReaderProfile(UUID.fromString(token.getSubject()),
				Boolean.TRUE.equals(token.getClaims().get("profileComplete")),
				new SoftwareBackground(strings(software.get("programmingLanguages")), strings(software.get("frameworks")),
						enumValue(Difficulty.class, software.get("experienceLevel"), Difficulty.BEGINNER),
						strings(software.get("specializations")), integer(software.get("yearsOfExperience"))),
				new HardwareBackground(strings(hardware.get("familiarPlatforms")),
						enumValue(RoboticsExperience.class, hardware.get("roboticsExperience"), RoboticsExperience.NONE),
						enumValue(ElectronicsKnowledge.class, hardware.get("electronicsKnowledge"),
								ElectronicsKnowledge.NONE),
						strings(hardware.get("preferredTools"))));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object claim) {
		return (claim instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	private static List<String> strings(Object claim) {
		List<String> values = new ArrayList<>();
		if (claim instanceof Collection<?> items) {
			for (Object item : items) {
				if (item != null && !item.toString().isBlank()) {
					values.add(item.toString().trim());
				}
			}
		}
		return List.copyOf(values);
	}

	private static int integer(Object claim) {
		return (claim instanceof Number number) ? Math.max(0, number.intValue()) : 0;
	}

	private static <E extends Enum<E>> E enumValue(Class<E> type, Object claim, E fallback) {
		if (claim == null) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, claim.toString().trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return fallback;
		}
	}

}
