package ai.physical.textbook.auth.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Adds what the error pages may show safely: for a 4xx answered by the OAuth endpoints (which report
 * {@code [error_code] description}), the OAuth error code and description, so a reader sent here by a misconfigured
 * application sees what went wrong. Exception messages and stack traces are never added. A request for
 * {@code /error} itself (no error behind it) is a page that does not exist: 404, like {@link PageErrorController}.
 */
@Component
class PageErrorAttributes extends DefaultErrorAttributes {

	private static final Pattern OAUTH_ERROR = Pattern.compile("^\\[([a-z_]{3,40})\\]\\s*(.{0,300})$");

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		if (PageErrorController.isDirectRequest(request)) {
			attributes.put("status", 404);
			attributes.put("error", "Not Found");
		}
		Object status = attributes.get("status");
		Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE, RequestAttributes.SCOPE_REQUEST);
		if (status instanceof Integer code && code >= 400 && code < 500 && message instanceof String text) {
			Matcher matcher = OAUTH_ERROR.matcher(text);
			if (matcher.matches()) {
				attributes.put("oauthError", matcher.group(1));
				attributes.put("oauthDescription", matcher.group(2));
			}
		}
		return attributes;
	}

}
