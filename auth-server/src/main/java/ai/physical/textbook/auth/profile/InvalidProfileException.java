package ai.physical.textbook.auth.profile;

import java.util.List;

/**
 * A profile update broke validation rules; nothing was written.
 */
public class InvalidProfileException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidProfileException(List<FieldError> errors) {
		super(errors.size() + " invalid profile field(s)");
		this.errors = List.copyOf(errors);
	}

	/** Every broken rule, one entry per field and rule. */
	public List<FieldError> errors() {
		return this.errors;
	}

}
