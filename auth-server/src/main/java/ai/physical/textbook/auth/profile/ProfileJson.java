package ai.physical.textbook.auth.profile;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Reads a profile update from JSON, reporting type errors per field (with the same paths as
 * {@link ProfileValidator}) instead of failing on the first one, so a 400 lists every problem at once.
 */
final class ProfileJson {

	private ProfileJson() {
	}

	/** The update, or an {@link InvalidProfileException} listing type errors and rule violations together. */
	static ProfileUpdate parse(JsonNode body) {
		List<FieldError> errors = new ArrayList<>();
		if (body == null || !body.isObject()) {
			throw new InvalidProfileException(List.of(new FieldError("body",
					"Expected a JSON object with softwareBackground and hardwareBackground.")));
		}
		SoftwareBackground software = null;
		JsonNode sw = body.get("softwareBackground");
		if (sw != null && !sw.isNull() && !sw.isObject()) {
			errors.add(new FieldError("softwareBackground", "Expected an object."));
		}
		else if (sw != null && sw.isObject()) {
			String p = ProfileValidator.SOFTWARE;
			software = new SoftwareBackground(strings(sw, p, "programmingLanguages", errors),
					strings(sw, p, "frameworks", errors), string(sw, p, "experienceLevel", errors),
					strings(sw, p, "specializations", errors), years(sw, p, errors));
		}
		HardwareBackground hardware = null;
		JsonNode hw = body.get("hardwareBackground");
		if (hw != null && !hw.isNull() && !hw.isObject()) {
			errors.add(new FieldError("hardwareBackground", "Expected an object."));
		}
		else if (hw != null && hw.isObject()) {
			String p = ProfileValidator.HARDWARE;
			hardware = new HardwareBackground(strings(hw, p, "familiarPlatforms", errors),
					string(hw, p, "roboticsExperience", errors), string(hw, p, "electronicsKnowledge", errors),
					strings(hw, p, "preferredTools", errors));
		}
		ProfileUpdate update = ProfileValidator.normalize(new ProfileUpdate(software, hardware));
		List<FieldError> ruleErrors = ProfileValidator.validate(update);
		for (FieldError error : ruleErrors) {
			// A field with a type error is already reported; its "required" echo would only confuse.
			if (errors.stream().noneMatch((e) -> e.field().equals(error.field()))
					&& !(error.field().equals("softwareBackground") && sw != null && !sw.isNull())
					&& !(error.field().equals("hardwareBackground") && hw != null && !hw.isNull())) {
				errors.add(error);
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidProfileException(errors);
		}
		return update;
	}

	private static List<String> strings(JsonNode parent, String prefix, String name, List<FieldError> errors) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isArray()) {
			errors.add(new FieldError(prefix + name, "Expected an array of strings."));
			return null;
		}
		List<String> values = new ArrayList<>();
		for (JsonNode element : node) {
			if (!element.isString()) {
				errors.add(new FieldError(prefix + name, "Expected an array of strings."));
				return null;
			}
			values.add(element.stringValue());
		}
		return values;
	}

	private static String string(JsonNode parent, String prefix, String name, List<FieldError> errors) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			errors.add(new FieldError(prefix + name, "Expected a string."));
			return null;
		}
		return node.stringValue();
	}

	private static Integer years(JsonNode parent, String prefix, List<FieldError> errors) {
		JsonNode node = parent.get("yearsOfExperience");
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isNumber() || !node.canConvertToExactIntegral() || !node.canConvertToInt()) {
			errors.add(new FieldError(prefix + "yearsOfExperience",
					"Years of experience must be a whole number from 0 to 50."));
			return null;
		}
		return node.intValue();
	}

}
