package ai.physical.textbook.auth.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.physical.textbook.auth.web.TextInput;

/**
 * The validation rules of the original plan's Zod schemas, shared by the profile form and the JSON API.
 *
 * <pre>
 * softwareBackground.programmingLanguages  array of strings, 1..20
 * softwareBackground.frameworks            array of strings, 0..20
 * softwareBackground.experienceLevel       beginner | intermediate | advanced | expert
 * softwareBackground.specializations       array of strings, 0..10
 * softwareBackground.yearsOfExperience     optional number 0..50
 * hardwareBackground.familiarPlatforms     array of strings, 1..10
 * hardwareBackground.roboticsExperience    none | hobbyist | professional
 * hardwareBackground.electronicsKnowledge  none | basic | intermediate | advanced
 * hardwareBackground.preferredTools        array of strings, 0..10
 * </pre>
 *
 * Three additions, because these values travel in every access token: each entry is trimmed, must not be blank and
 * holds at most {@value #MAX_ENTRY_LENGTH} characters, and duplicates (ignoring case) count once; each entry is plain
 * single-line text ({@link TextInput}: no control characters such as NUL or line breaks, no text-direction overrides),
 * checked here so that such a value is a field error and never reaches PostgreSQL, which refuses NUL; years of
 * experience must be a whole number (the column is an integer).
 */
public final class ProfileValidator {

	/** Longest accepted list entry. */
	public static final int MAX_ENTRY_LENGTH = 100;

	static final String SOFTWARE = "softwareBackground.";

	static final String HARDWARE = "hardwareBackground.";

	private ProfileValidator() {
	}

	/**
	 * Trims spaces around entries, drops empty ones and removes case-insensitive duplicates, keeping the first
	 * spelling. Control characters (tabs and line breaks included) are not trimmed: an entry holding one is refused
	 * by {@link #validate}, never silently changed into something the client did not send.
	 */
	public static List<String> normalize(List<String> entries) {
		if (entries == null) {
			return null;
		}
		Map<String, String> unique = new LinkedHashMap<>();
		for (String entry : entries) {
			String trimmed = (entry != null) ? trimSpaces(entry) : "";
			if (!trimmed.isEmpty()) {
				unique.putIfAbsent(trimmed.toLowerCase(Locale.ROOT), trimmed);
			}
		}
		return List.copyOf(unique.values());
	}

	/** Strips leading and trailing white space that is not a control character (spaces, Unicode spaces). */
	private static String trimSpaces(String entry) {
		int start = 0;
		int end = entry.length();
		while (start < end && isSpace(entry.charAt(start))) {
			start++;
		}
		while (end > start && isSpace(entry.charAt(end - 1))) {
			end--;
		}
		return entry.substring(start, end);
	}

	private static boolean isSpace(char c) {
		return Character.isWhitespace(c) && !Character.isISOControl(c);
	}

	/** Normalizes both backgrounds' lists (see {@link #normalize(List)}). */
	public static ProfileUpdate normalize(ProfileUpdate update) {
		SoftwareBackground software = update.softwareBackground();
		HardwareBackground hardware = update.hardwareBackground();
		return new ProfileUpdate(
				(software != null) ? new SoftwareBackground(normalize(software.programmingLanguages()),
						normalize(software.frameworks()), software.experienceLevel(),
						normalize(software.specializations()), software.yearsOfExperience()) : null,
				(hardware != null) ? new HardwareBackground(normalize(hardware.familiarPlatforms()),
						hardware.roboticsExperience(), hardware.electronicsKnowledge(),
						normalize(hardware.preferredTools())) : null);
	}

	/** Every broken rule of an (already normalized) update; empty when it may be saved. */
	public static List<FieldError> validate(ProfileUpdate update) {
		List<FieldError> errors = new ArrayList<>();
		SoftwareBackground software = update.softwareBackground();
		if (software == null) {
			errors.add(new FieldError("softwareBackground", "Software background is required."));
		}
		else {
			list(errors, SOFTWARE + "programmingLanguages", software.programmingLanguages(), 1, 20,
					"programming language", "programming languages");
			list(errors, SOFTWARE + "frameworks", software.frameworks(), 0, 20, "framework", "frameworks");
			choice(errors, SOFTWARE + "experienceLevel", software.experienceLevel(),
					SoftwareBackground.EXPERIENCE_LEVELS, "your experience level", "Experience level");
			list(errors, SOFTWARE + "specializations", software.specializations(), 0, 10, "specialization",
					"specializations");
			Integer years = software.yearsOfExperience();
			if (years != null && (years < 0 || years > 50)) {
				errors.add(new FieldError(SOFTWARE + "yearsOfExperience",
						"Years of experience must be a whole number from 0 to 50."));
			}
		}
		HardwareBackground hardware = update.hardwareBackground();
		if (hardware == null) {
			errors.add(new FieldError("hardwareBackground", "Hardware background is required."));
		}
		else {
			list(errors, HARDWARE + "familiarPlatforms", hardware.familiarPlatforms(), 1, 10, "hardware platform",
					"hardware platforms");
			choice(errors, HARDWARE + "roboticsExperience", hardware.roboticsExperience(),
					HardwareBackground.ROBOTICS_EXPERIENCE, "your robotics experience", "Robotics experience");
			choice(errors, HARDWARE + "electronicsKnowledge", hardware.electronicsKnowledge(),
					HardwareBackground.ELECTRONICS_KNOWLEDGE, "your electronics knowledge", "Electronics knowledge");
			list(errors, HARDWARE + "preferredTools", hardware.preferredTools(), 0, 10, "tool", "tools");
		}
		return errors;
	}

	/**
	 * What the profile still lacks to count as complete (the original plan's checkProfileCompletion), as phrases
	 * for the page; empty exactly when {@link CompleteProfile#isComplete} holds.
	 */
	public static List<String> missingForCompletion(SoftwareBackground software, HardwareBackground hardware) {
		List<String> missing = new ArrayList<>();
		if (software == null || software.programmingLanguages() == null
				|| software.programmingLanguages().isEmpty()) {
			missing.add("at least one programming language");
		}
		if (software == null || software.experienceLevel() == null) {
			missing.add("your software experience level");
		}
		if (hardware == null || hardware.familiarPlatforms() == null || hardware.familiarPlatforms().isEmpty()) {
			missing.add("at least one hardware platform");
		}
		if (hardware == null || hardware.roboticsExperience() == null) {
			missing.add("your robotics experience");
		}
		if (hardware == null || hardware.electronicsKnowledge() == null) {
			missing.add("your electronics knowledge");
		}
		return missing;
	}

	private static void list(List<FieldError> errors, String field, List<String> values, int min, int max,
			String singular, String plural) {
		if (values == null) {
			errors.add(new FieldError(field, "Required: a list of " + plural + "."));
			return;
		}
		if (values.size() < min) {
			errors.add(new FieldError(field, "Choose at least " + ((min == 1) ? "one " + singular : min + " " + plural)
					+ "."));
		}
		if (values.size() > max) {
			errors.add(new FieldError(field, "Choose at most " + max + " " + plural + " (you gave " + values.size()
					+ ")."));
		}
		if (values.stream().anyMatch((value) -> value.length() > MAX_ENTRY_LENGTH)) {
			errors.add(new FieldError(field, "Each entry must be at most " + MAX_ENTRY_LENGTH + " characters."));
		}
		if (values.stream().anyMatch((value) -> !TextInput.isSafeLine(value))) {
			errors.add(new FieldError(field, "Each entry must be plain text on one line: no control characters "
					+ "(such as NUL, tabs or line breaks) and no text-direction override characters."));
		}
	}

	private static void choice(List<FieldError> errors, String field, String value, List<String> allowed,
			String what, String label) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, "Choose " + what + "."));
		}
		else if (!allowed.contains(value)) {
			errors.add(new FieldError(field, label + " must be one of: " + String.join(", ", allowed) + "."));
		}
	}

}
