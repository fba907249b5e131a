package ai.physical.textbook.auth.web;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Boot's error controller, except that a request for {@code /error} itself, with no error behind it, answers 404
 * instead of Boot's 500: nothing failed, there is just no page at that address.
 */
class PageErrorController extends BasicErrorController {

	PageErrorController(ErrorAttributes errorAttributes, ErrorProperties errorProperties,
			List<ErrorViewResolver> errorViewResolvers) {
		super(errorAttributes, errorProperties, errorViewResolvers);
	}

	@Override
	protected HttpStatus getStatus(HttpServletRequest request) {
		return (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) ? HttpStatus.NOT_FOUND
				: super.getStatus(request);
	}

	/** Whether the error attributes belong to a request for the error path itself rather than an error dispatch. */
	static boolean isDirectRequest(WebRequest request) {
		return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST) == null;
	}

}
