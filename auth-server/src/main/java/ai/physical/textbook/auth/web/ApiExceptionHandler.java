package ai.physical.textbook.auth.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import ai.physical.textbook.auth.profile.FieldError;
import ai.physical.textbook.auth.profile.InvalidProfileException;
import ai.physical.textbook.common.web.DependencyFailures;
import ai.physical.textbook.common.web.DependencyUnavailableFilter;

/**
 * The one place that turns exceptions of JSON API controllers ({@code @RestController}) into RFC 9457 problem
 * details. Never a stack trace: an unavailable PostgreSQL or Redis answers 503 with {@code Retry-After} (the same
 * answer as the common module's {@link DependencyUnavailableFilter} gives outside controllers), and other unexpected
 * errors a generic 500, logged here.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(InvalidProfileException.class)
	ResponseEntity<Map<String, Object>> invalid(InvalidProfileException ex, HttpServletRequest request) {
		ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST,
				ex.errors().size() + " field(s) are invalid; see errors.", ApiProblems.VALIDATION_FAILED);
		problem.setTitle("Invalid profile");
		List<Map<String, String>> errors = ex.errors()
			.stream()
			.map((FieldError error) -> Map.of("field", error.field(), "message", error.message()))
			.toList();
		problem.setProperty("errors", errors);
		return respond(problem, request);
	}

	@ExceptionHandler(RequestBodyEncodingException.class)
	ResponseEntity<Map<String, Object>> encoding(RequestBodyEncodingException ex, HttpServletRequest request) {
		return respond(ApiProblems.of(HttpStatus.BAD_REQUEST, ex.getMessage(), "INVALID_ENCODING"), request);
	}

	@ExceptionHandler(RequestBodyTooLargeException.class)
	ResponseEntity<Map<String, Object>> tooLarge(RequestBodyTooLargeException ex, HttpServletRequest request) {
		return respond(ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage(), "BODY_TOO_LARGE"), request);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		return respond(ApiProblems.of(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.",
				"MALFORMED_JSON"), request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return respond(ApiProblems.of(HttpStatus.BAD_REQUEST, "'" + ex.getName() + "' is not valid: expected a "
				+ ((ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "different value") + ".",
				ApiProblems.VALIDATION_FAILED), request);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException ex,
			HttpServletRequest request) {
		return respond(ApiProblems.of(HttpStatus.METHOD_NOT_ALLOWED,
				"Method " + ex.getMethod() + " is not supported here.", "METHOD_NOT_ALLOWED"), request);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException ex,
			HttpServletRequest request) {
		return respond(ApiProblems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.",
				"UNSUPPORTED_MEDIA_TYPE"), request);
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<Map<String, Object>> forbidden(ForbiddenException ex, HttpServletRequest request) {
		return respond(ApiProblems.forbidden(), request);
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<Map<String, Object>> notFound(NotFoundException ex, HttpServletRequest request) {
		return respond(ApiProblems.of(HttpStatus.NOT_FOUND, ex.getMessage(), ex.code()), request);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException ex, HttpServletRequest request) {
		return respond(ApiProblems.of(HttpStatus.NOT_FOUND, "No such resource.", "NOT_FOUND"), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception ex, HttpServletRequest request) {
		if (DependencyFailures.isUnavailable(ex)) {
			logger.warn("{} {} answered 503, a dependency is unavailable: {}", request.getMethod(),
					request.getRequestURI(), ex.getMessage());
			ProblemDetail problem = ApiProblems.of(HttpStatus.SERVICE_UNAVAILABLE,
					"The service is temporarily unavailable. Try again in a few seconds.",
					DependencyUnavailableFilter.CODE);
			problem.setTitle("Service Unavailable");
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, Integer.toString(DependencyUnavailableFilter.RETRY_AFTER_SECONDS))
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ApiProblems.body(problem, request.getRequestURI()));
		}
		logger.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return respond(ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Try again later.", "INTERNAL_ERROR"), request);
	}

	private static ResponseEntity<Map<String, Object>> respond(ProblemDetail problem, HttpServletRequest request) {
		return ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ApiProblems.body(problem, request.getRequestURI()));
	}

}
