package ai.physical.textbook.api.problem;

/**
 * Thrown when a request parameter is malformed; answered as {@link ApiProblem#VALIDATION_FAILED} naming the field.
 */
public class BadRequestException extends RuntimeException {

	private final String field;

	/**
	 * @param field the offending parameter
	 * @param message what is wrong with it, in words a client developer can act on
	 */
	public BadRequestException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
