package ai.physical.textbook.auth.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.util.MultiValueMap;

/**
 * The profile page's form: turns submitted parameters into a {@link ProfileUpdate}, and backgrounds plus errors into
 * the fields the template renders. Only known parameter names are read (no binding onto objects).
 *
 * <p>Each list is a set of checkboxes (the suggestions) plus an "other" text box whose entries are separated by commas
 * or new lines, so everything works without JavaScript.
 */
final class ProfileForm {

	static final String OTHER_SUFFIX = "Other";

	private static final Pattern SEPARATORS = Pattern.compile("[,;\\n\\r]+");

	private ProfileForm() {
	}

	/** One suggestion of a list field. */
	record Option(String value, boolean checked) {
	}

	/** A list field: checkboxes plus a free-text box. */
	record ListField(String name, String legend, String hint, List<Option> options, String other, List<String> errors) {

		public String otherName() {
			return this.name + OTHER_SUFFIX;
		}

		public boolean invalid() {
			return !this.errors.isEmpty();
		}

	}

	/** One radio choice. */
	record Choice(String value, String label, String hint, boolean checked) {
	}

	/** A single-choice field (radio group). */
	record ChoiceField(String name, String legend, List<Choice> choices, List<String> errors) {

		public boolean invalid() {
			return !this.errors.isEmpty();
		}

	}

	/** What the template needs: all fields, the raw years value and its errors. */
	record View(ListField programmingLanguages, ListField frameworks, ChoiceField experienceLevel,
			ListField specializations, String yearsOfExperience, List<String> yearsErrors, ListField familiarPlatforms,
			ChoiceField roboticsExperience, ChoiceField electronicsKnowledge, ListField preferredTools,
			List<String> generalErrors, int errorCount) {
	}

	/** The submitted form, parsed. {@code yearsError} is set when the years box does not hold a whole number. */
	record Submitted(ProfileUpdate update, String yearsRaw, String yearsError) {
	}

	static Submitted parse(MultiValueMap<String, String> params) {
		String yearsRaw = first(params, "yearsOfExperience");
		Integer years = null;
		String yearsError = null;
		if (yearsRaw != null && !yearsRaw.isBlank()) {
			try {
				years = Integer.valueOf(yearsRaw.strip());
			}
			catch (NumberFormatException ex) {
				yearsError = "Years of experience must be a whole number from 0 to 50.";
			}
		}
		SoftwareBackground software = new SoftwareBackground(list(params, "programmingLanguages"),
				list(params, "frameworks"), blankToNull(first(params, "experienceLevel")),
				list(params, "specializations"), years);
		HardwareBackground hardware = new HardwareBackground(list(params, "familiarPlatforms"),
				blankToNull(first(params, "roboticsExperience")), blankToNull(first(params, "electronicsKnowledge")),
				list(params, "preferredTools"));
		return new Submitted(ProfileValidator.normalize(new ProfileUpdate(software, hardware)), yearsRaw, yearsError);
	}

	static View view(SoftwareBackground software, HardwareBackground hardware, String yearsRaw,
			List<FieldError> errors) {
		Map<String, List<String>> byName = new LinkedHashMap<>();
		for (FieldError error : errors) {
			byName.computeIfAbsent(error.name(), (key) -> new ArrayList<>()).add(error.message());
		}
		List<String> general = new ArrayList<>();
		general.addAll(byName.getOrDefault("softwareBackground", List.of()));
		general.addAll(byName.getOrDefault("hardwareBackground", List.of()));
		return new View(
				listField("programmingLanguages", "Programming languages",
						"Choose 1 to 20. Add any other language in the box, separated by commas.",
						ProfileChoices.PROGRAMMING_LANGUAGES, software.programmingLanguages(), byName),
				listField("frameworks", "Frameworks and libraries", "Up to 20. Optional.", ProfileChoices.FRAMEWORKS,
						software.frameworks(), byName),
				choiceField("experienceLevel", "Software experience level", List.of(
						new String[] { "beginner", "Beginner", "I am learning to program." },
						new String[] { "intermediate", "Intermediate", "I write working programs on my own." },
						new String[] { "advanced", "Advanced", "I design larger systems." },
						new String[] { "expert", "Expert", "I lead or teach others." }),
						software.experienceLevel(), byName),
				listField("specializations", "Specializations", "Up to 10. Optional.", ProfileChoices.SPECIALIZATIONS,
						software.specializations(), byName),
				(yearsRaw != null) ? yearsRaw
						: (software.yearsOfExperience() != null) ? software.yearsOfExperience().toString() : "",
				byName.getOrDefault("yearsOfExperience", List.of()),
				listField("familiarPlatforms", "Hardware platforms you know",
						"Choose 1 to 10. Add any other board or robot in the box.", ProfileChoices.PLATFORMS,
						hardware.familiarPlatforms(), byName),
				choiceField("roboticsExperience", "Robotics experience", List.of(
						new String[] { "none", "None", "I have not built or programmed a robot yet." },
						new String[] { "hobbyist", "Hobbyist", "I build robots for fun or study." },
						new String[] { "professional", "Professional", "I work on robots for a living." }),
						hardware.roboticsExperience(), byName),
				choiceField("electronicsKnowledge", "Electronics knowledge", List.of(
						new String[] { "none", "None", "Circuits are new to me." },
						new String[] { "basic", "Basic", "I can wire a breadboard and read a pinout." },
						new String[] { "intermediate", "Intermediate", "I read schematics and use a multimeter." },
						new String[] { "advanced", "Advanced", "I design circuits or PCBs." }),
						hardware.electronicsKnowledge(), byName),
				listField("preferredTools", "Preferred tools", "Up to 10. Optional.", ProfileChoices.TOOLS,
						hardware.preferredTools(), byName),
				general, errors.size());
	}

	private static ListField listField(String name, String legend, String hint, List<String> suggestions,
			List<String> values, Map<String, List<String>> errors) {
		List<String> chosen = (values != null) ? values : List.of();
		Set<String> chosenLower = chosen.stream().map((v) -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
		Set<String> suggestionsLower = suggestions.stream()
			.map((v) -> v.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		List<Option> options = suggestions.stream()
			.map((s) -> new Option(s, chosenLower.contains(s.toLowerCase(Locale.ROOT))))
			.toList();
		String other = chosen.stream()
			.filter((v) -> !suggestionsLower.contains(v.toLowerCase(Locale.ROOT)))
			.collect(Collectors.joining(", "));
		return new ListField(name, legend, hint, options, other, errors.getOrDefault(name, List.of()));
	}

	private static ChoiceField choiceField(String name, String legend, List<String[]> choices, String value,
			Map<String, List<String>> errors) {
		return new ChoiceField(name, legend,
				choices.stream().map((c) -> new Choice(c[0], c[1], c[2], c[0].equals(value))).toList(),
				errors.getOrDefault(name, List.of()));
	}

	private static List<String> list(MultiValueMap<String, String> params, String name) {
		List<String> values = new ArrayList<>();
		List<String> checked = params.get(name);
		if (checked != null) {
			values.addAll(checked);
		}
		String other = first(params, name + OTHER_SUFFIX);
		if (other != null) {
			values.addAll(Arrays.asList(SEPARATORS.split(other)));
		}
		return values;
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		return params.getFirst(name);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
