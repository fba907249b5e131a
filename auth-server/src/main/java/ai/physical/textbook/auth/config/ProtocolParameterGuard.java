package ai.physical.textbook.auth.config;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.filter.OncePerRequestFilter;

import ai.physical.textbook.auth.web.TextInput;

/**
 * The first filter of the protocol chain: every parameter of an OAuth2 / OpenID Connect endpoint (query and form,
 * names and values) and the client id in an HTTP Basic {@code Authorization} header must be single-line text
 * ({@link TextInput}). RFC 6749 Appendix A allows only visible ASCII in its parameters, and PostgreSQL refuses NUL, so
 * a {@code client_id} with a NUL byte used to reach the client lookup and answer 500.
 *
 * <p>Refused with {@code invalid_request} naming the parameter, before any lookup: the endpoints a browser is sent to
 * (authorization, device verification, logout) show the error page and never redirect (the client and its redirect
 * URI are not validated yet, RFC 6749 §4.1.2.1); the back-channel endpoints answer the RFC 6749 §5.2 JSON error.
 */
final class ProtocolParameterGuard extends OncePerRequestFilter {

	/** Parameter names shown as they are; anything else is described, never echoed. */
	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

	private final Set<String> browserEndpoints;

	ProtocolParameterGuard(AuthorizationServerSettings settings) {
		this.browserEndpoints = Set.of(settings.getAuthorizationEndpoint(), settings.getDeviceVerificationEndpoint(),
				settings.getOidcLogoutEndpoint());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String offending = offendingParameter(request);
		if (offending == null) {
			chain.doFilter(request, response);
			return;
		}
		String description = "OAuth 2.0 Parameter: " + offending
				+ " must not contain control or text-direction characters";
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (this.browserEndpoints.contains(path)) {
			// The error page shows "[code] description" of the OAuth endpoints (PageErrorAttributes).
			response.sendError(HttpServletResponse.SC_BAD_REQUEST, "[invalid_request] " + description);
			return;
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"error\":\"invalid_request\",\"error_description\":\"" + description + "\"}");
	}

	/** The name of the first parameter that breaks the rule (described, when the name itself is odd), or null. */
	static String offendingParameter(HttpServletRequest request) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String name = parameter.getKey();
			if (!TextInput.isSafeLine(name)) {
				return "a parameter name";
			}
			for (String value : parameter.getValue()) {
				if (!TextInput.isSafeLine(value)) {
					return PLAIN_NAME.matcher(name).matches() ? name : "a parameter";
				}
			}
		}
		return basicClientIdIsSafe(request.getHeader(HttpHeaders.AUTHORIZATION)) ? null
				: "client_id (Authorization header)";
	}

	/**
	 * Whether the client id of a Basic header is safe, both as sent and form-decoded (RFC 6749 §2.3.1, as the
	 * authorization server decodes it). A header that does not even decode is left to the authorization server,
	 * which refuses it without a lookup.
	 */
	static boolean basicClientIdIsSafe(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return true;
		}
		String credentials;
		try {
			credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
					StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
		int colon = credentials.indexOf(':');
		String clientId = (colon >= 0) ? credentials.substring(0, colon) : credentials;
		if (!TextInput.isSafeLine(clientId)) {
			return false;
		}
		try {
			return TextInput.isSafeLine(URLDecoder.decode(clientId, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
	}

}
