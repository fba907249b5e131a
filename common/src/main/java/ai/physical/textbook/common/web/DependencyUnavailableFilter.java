package ai.physical.textbook.common.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns "PostgreSQL or Redis is unavailable" ({@link DependencyFailures}) into a clean {@code 503 Service Unavailable}
 * with {@code Retry-After}, whichever layer it escapes from: a controller, a Spring Security filter (the
 * authorization server's endpoints let JDBC failures through), or Spring Session saving the session in Redis after
 * the page was rendered. Browsers ({@code Accept: text/html}) get a short self-contained page; everyone else RFC 9457
 * problem details with {@code code: SERVICE_UNAVAILABLE}, the shape of both apps' other problems. Never a stack
 * trace; any other failure passes through untouched (to the friendly 500 page or problem).
 *
 * <p>It must run outside Spring Session's {@code SessionRepositoryFilter} ({@code Integer.MIN_VALUE + 50}), because
 * that filter's session commit is where a Redis outage surfaces for pages, and outside Spring Security ({@code -100}).
 */
public final class DependencyUnavailableFilter extends OncePerRequestFilter {

	/** Outside Spring Session ({@code MIN_VALUE + 50}) and Spring Security ({@code -100}). */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	/** The {@code code} member of the problem, as in the apps' other problem details. */
	public static final String CODE = "SERVICE_UNAVAILABLE";

	/** Seconds a client should wait before trying again: outages the apps ride out last a few seconds. */
	public static final int RETRY_AFTER_SECONDS = 5;

	static final String TITLE = "Service Unavailable";

	static final String DETAIL = "The service is temporarily unavailable. Try again in a few seconds.";

	private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:34rem;margin:4rem auto;"
			+ "padding:0 1rem;line-height:1.5;color:#1f2937}h1{font-size:1.5rem}";

	static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en">
			<head>
			<meta charset="utf-8">
			<meta name="viewport" content="width=device-width, initial-scale=1">
			<title>Temporarily unavailable</title>
			<style>%s</style>
			</head>
			<body>
			<main>
			<h1>Temporarily unavailable</h1>
			<p>The service is temporarily unavailable. Please try again in a few seconds.</p>
			<p><a href="">Try again</a></p>
			</main>
			</body>
			</html>
			""".formatted(STYLE);

	/** No script, no framing; the one inline style is allowed by its hash. */
	static final String PAGE_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
			+ "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private static final Logger logger = LoggerFactory.getLogger(DependencyUnavailableFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (response.isCommitted() || !DependencyFailures.isUnavailable(ex)) {
				throw ex;
			}
			logger.warn("{} {} answered 503, a dependency is unavailable: {}", request.getMethod(),
					request.getRequestURI(), rootCause(ex));
			logger.debug("Dependency failure", ex);
			respond(request, response);
		}
	}

	/** Also when rendering an error page fails for the same reason. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	static void respond(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.reset();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (wantsHtml(request)) {
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.setHeader("Content-Security-Policy", PAGE_POLICY);
			response.setHeader("X-Frame-Options", "DENY");
			response.getWriter().write(PAGE);
		}
		else {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write(problem(request.getRequestURI()));
		}
		response.flushBuffer();
	}

	/** Pages for browsers; JSON APIs keep their problem details even when a browser calls them. */
	static boolean wantsHtml(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return false;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			double html = 0;
			double json = 0;
			for (MediaType type : MediaType.parseMediaTypes(accept)) {
				if (type.isWildcardType() || type.isWildcardSubtype()) {
					continue;
				}
				if (type.isCompatibleWith(MediaType.TEXT_HTML) || type.isCompatibleWith(MediaType.APPLICATION_XHTML_XML)) {
					html = Math.max(html, type.getQualityValue());
				}
				else if (type.isCompatibleWith(MediaType.APPLICATION_JSON)
						|| type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
					json = Math.max(json, type.getQualityValue());
				}
			}
			return html > 0 && html >= json;
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/** The problem body, written by hand: no JSON library is needed for five fixed members and the path. */
	static String problem(String instance) {
		return "{\"type\":\"about:blank\",\"title\":\"" + TITLE + "\",\"status\":503,\"detail\":\"" + DETAIL
				+ "\",\"instance\":\"" + json(instance) + "\",\"code\":\"" + CODE + "\",\"error\":\"" + TITLE
				+ "\",\"message\":\"" + DETAIL + "\",\"retryAfterSeconds\":" + RETRY_AFTER_SECONDS + "}";
	}

	private static String json(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static String rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getName() + ": " + root.getMessage();
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return "sha256-" + Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
