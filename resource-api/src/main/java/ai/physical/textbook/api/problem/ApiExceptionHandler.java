package ai.physical.textbook.api.problem;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where exceptions of the JSON API become problem details. Spring MVC's own exceptions keep their
 * status and gain a {@code code}; nothing answers with a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return respond(ApiProblem.NOT_FOUND.toProblemDetail(ex.getMessage()));
	}

	@ExceptionHandler(BadRequestException.class)
	ResponseEntity<ProblemDetail> badRequest(BadRequestException ex) {
		ProblemDetail problem = ApiProblem.VALIDATION_FAILED.toProblemDetail(ex.getMessage());
		problem.setProperty("field", ex.field());
		return respond(problem);
	}

	@ExceptionHandler(DataAccessException.class)
	ResponseEntity<ProblemDetail> storeUnavailable(DataAccessException ex) {
		logger.error("Database access failed", ex);
		return respond(ApiProblem.SERVICE_UNAVAILABLE.toProblemDetail());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		logger.error("Unexpected error", ex);
		return respond(ApiProblem.INTERNAL_ERROR.toProblemDetail());
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		String expected = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "another type";
		ProblemDetail problem = ApiProblem.VALIDATION_FAILED
			.toProblemDetail("'" + name + "' must be a valid " + describe(expected) + ", got '" + ex.getValue() + "'");
		problem.setProperty("field", name);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
			problem.setType(URI.create("about:blank"));
			problem.setProperty("code", forStatus(statusCode).name());
			problem.setProperty("error", problem.getTitle());
			problem.setProperty("message", problem.getDetail());
		}
		return response;
	}

	private static ApiProblem forStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 404 -> ApiProblem.NOT_FOUND;
			case 405 -> ApiProblem.METHOD_NOT_ALLOWED;
			case 406 -> ApiProblem.NOT_ACCEPTABLE;
			case 503 -> ApiProblem.SERVICE_UNAVAILABLE;
			default -> status.is4xxClientError() ? ApiProblem.VALIDATION_FAILED : ApiProblem.INTERNAL_ERROR;
		};
	}

	private static String describe(String type) {
		return "UUID".equals(type) ? "UUID" : type.toLowerCase(java.util.Locale.ROOT);
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

}
