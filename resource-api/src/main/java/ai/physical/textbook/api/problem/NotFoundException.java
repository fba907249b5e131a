package ai.physical.textbook.api.problem;

/**
 * Thrown by a feature when the resource a request names does not exist; answered as {@link ApiProblem#NOT_FOUND}
 * with this exception's message as detail.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
