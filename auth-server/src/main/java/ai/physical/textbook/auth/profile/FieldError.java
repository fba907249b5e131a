package ai.physical.textbook.auth.profile;

/**
 * One invalid field of a profile update.
 *
 * @param field the JSON path, e.g. {@code softwareBackground.programmingLanguages}
 * @param message what is wrong, as a sentence for people
 */
public record FieldError(String field, String message) {

	/** The last segment of the path: the form field name. */
	public String name() {
		int dot = this.field.lastIndexOf('.');
		return (dot >= 0) ? this.field.substring(dot + 1) : this.field;
	}

}
