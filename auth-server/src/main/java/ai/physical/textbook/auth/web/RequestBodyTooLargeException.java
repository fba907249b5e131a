package ai.physical.textbook.auth.web;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A JSON API request body above {@link StrictRequestBodyAdvice#MAX_BODY_BYTES}; answered with a 413 problem
 * ({@code BODY_TOO_LARGE}).
 */
class RequestBodyTooLargeException extends HttpMessageNotReadableException {

	RequestBodyTooLargeException(String message, HttpInputMessage input) {
		super(message, input);
	}

}
