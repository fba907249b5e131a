package ai.physical.textbook.auth.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 problem details of the JSON API. The 401 and 403 bodies carry the original plan's fields
 * ({@code error}, {@code message}, {@code code}, and {@code redirectTo} where it had one) next to the standard ones,
 * so clients written against either read them.
 */
public final class ApiProblems {

	/** Missing, malformed, expired or revoked bearer token. */
	public static final String AUTH_TOKEN_INVALID = "AUTH_TOKEN_INVALID";

	/** Valid token, but the policy does not allow the request. */
	public static final String AUTH_INSUFFICIENT_PERMISSIONS = "AUTH_INSUFFICIENT_PERMISSIONS";

	/** Valid token, but personalized content needs a complete profile. */
	public static final String AUTH_PROFILE_INCOMPLETE = "AUTH_PROFILE_INCOMPLETE";

	/** The request body or parameters broke validation rules. */
	public static final String VALIDATION_FAILED = "VALIDATION_FAILED";

	private ApiProblems() {
	}

	/** 401: {@code {error: 'Unauthorized', message: 'Invalid or missing authentication token', code: 'AUTH_TOKEN_INVALID'}}. */
	public static ProblemDetail unauthorized() {
		return seed(HttpStatus.UNAUTHORIZED, "Unauthorized", "Invalid or missing authentication token",
				AUTH_TOKEN_INVALID);
	}

	/** 403: {@code {error: 'Forbidden', message: 'You do not have permission to access this resource', code: ...}}. */
	public static ProblemDetail forbidden() {
		return seed(HttpStatus.FORBIDDEN, "Forbidden", "You do not have permission to access this resource",
				AUTH_INSUFFICIENT_PERMISSIONS);
	}

	/** 403 with {@code redirectTo: '/profile/complete'}, for personalized content and an incomplete profile. */
	public static ProblemDetail profileIncomplete() {
		ProblemDetail problem = seed(HttpStatus.FORBIDDEN, "Forbidden",
				"Please complete your profile to access personalized content", AUTH_PROFILE_INCOMPLETE);
		problem.setProperty("redirectTo", "/profile/complete");
		return problem;
	}

	/** Any other status, with a code. */
	public static ProblemDetail of(HttpStatus status, String detail, String code) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		problem.setProperty("code", code);
		return problem;
	}

	/**
	 * The JSON members of a problem, flat as RFC 9457 writes them (extension members beside the standard ones).
	 * Written by hand so the shape does not depend on a Jackson mix-in being registered.
	 */
	public static Map<String, Object> body(ProblemDetail problem, String instance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", (problem.getType() != null) ? problem.getType().toString() : "about:blank");
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", instance);
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

	private static ProblemDetail seed(HttpStatus status, String error, String message, String code) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
		problem.setTitle(error);
		problem.setProperty("error", error);
		problem.setProperty("message", message);
		problem.setProperty("code", code);
		return problem;
	}

}
