package ai.physical.textbook.auth.web;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A JSON API request body that is not valid text in its charset (invalid UTF-8, say); answered with a 400 problem
 * ({@code INVALID_ENCODING}) that says where.
 */
class RequestBodyEncodingException extends HttpMessageNotReadableException {

	RequestBodyEncodingException(String message, HttpInputMessage input) {
		super(message, input);
	}

}
