package ai.physical.textbook.api.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Every error resource-api answers, with its HTTP status and its stable {@code code}. The three {@code AUTH_*}
 * problems carry exactly the seed plan's error bodies: {@code title} and {@code error} are its {@code error},
 * {@code detail} and {@code message} its {@code message} (the duplicate members keep clients of the original JSON
 * shape working while RFC 9457 clients read the standard ones).
 */
public enum ApiProblem {

	/** No token, or a token that fails validation (signature, issuer, audience, expiry, type, revocation). */
	AUTH_TOKEN_INVALID(HttpStatus.UNAUTHORIZED, "Invalid or missing authentication token"),

	/** A valid token that the endpoint's policy does not admit. */
	AUTH_INSUFFICIENT_PERMISSIONS(HttpStatus.FORBIDDEN, "You do not have permission to access this resource"),

	/** A valid user token whose profile is not complete; carries {@code redirectTo}. */
	AUTH_PROFILE_INCOMPLETE(HttpStatus.FORBIDDEN, "Please complete your profile to access personalized content"),

	/** A request parameter or path variable is malformed; the detail names it. */
	VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "The request is not valid"),

	/** No such resource (unknown path or catalog item). */
	NOT_FOUND(HttpStatus.NOT_FOUND, "The requested resource does not exist"),

	/** The path exists but not with this HTTP method. */
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "The HTTP method is not supported for this resource"),

	/** The response type asked for in Accept cannot be produced. */
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "The requested media type cannot be produced"),

	/** A backing store needed to answer safely is unavailable; retry later. */
	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The service is temporarily unavailable, please retry"),

	/** An unexpected failure; details are in the server log, never in the response. */
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred");

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	private final HttpStatus status;

	private final String message;

	ApiProblem(HttpStatus status, String message) {
		this.status = status;
		this.message = message;
	}

	public HttpStatus status() {
		return this.status;
	}

	/** The default human-readable message (the seed's {@code message}). */
	public String message() {
		return this.message;
	}

	/** A problem detail with the default message. */
	public ProblemDetail toProblemDetail() {
		return toProblemDetail(this.message);
	}

	/**
	 * A problem detail with a specific message.
	 * @param detail what went wrong, naming the offending input where there is one
	 */
	public ProblemDetail toProblemDetail(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, detail);
		problem.setType(ABOUT_BLANK);
		problem.setTitle(this.status.getReasonPhrase());
		problem.setProperty("code", name());
		problem.setProperty("error", this.status.getReasonPhrase());
		problem.setProperty("message", detail);
		return problem;
	}

}
