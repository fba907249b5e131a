package ai.physical.textbook.auth.web;

/**
 * A JSON API request that a policy refused; answered with the 403 problem of {@link ApiProblems#forbidden()}.
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String policy) {
		super("Denied by policy " + policy);
	}

}
