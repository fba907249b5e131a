package ai.physical.textbook.api.token;

import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * How token validation says "cannot decide now" rather than "this token is bad": a {@link JwtValidationException}
 * carrying the error code {@value #CODE}. Spring Security passes it to the authentication entry point like any
 * rejected token, and the entry point answers 503 (problem details, {@code Retry-After}) instead of 401, so clients
 * keep their token and retry. Used when neither store of the denylist answers and when the auth-server's keys cannot
 * be fetched.
 */
public final class UnavailableDependencies {

	/** The OAuth2 error code of "a dependency of token validation is unavailable" (RFC 6749's wording). */
	public static final String CODE = "temporarily_unavailable";

	private UnavailableDependencies() {
	}

	/**
	 * @param exception what token validation threw
	 * @return whether it means "a dependency is unavailable" rather than "the token is invalid"
	 */
	public static boolean isUnavailable(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof JwtValidationException invalid
					&& invalid.getErrors().stream().anyMatch((error) -> CODE.equals(error.getErrorCode()))) {
				return true;
			}
		}
		return false;
	}

}
