package ai.physical.textbook.auth.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The answer of the token, revocation, introspection and device authorization endpoints to a request that carries no
 * client authentication at all: RFC 6749 §5.2's {@code invalid_client} error document with
 * {@code WWW-Authenticate: Basic}, instead of the resource server's bare {@code 401} with
 * {@code WWW-Authenticate: Bearer} (those endpoints take client credentials, never bearer tokens). Requests with
 * wrong credentials never get here: the authorization server answers them itself, with the same error.
 */
final class ClientAuthenticationEntryPoint implements AuthenticationEntryPoint {

	static final String BODY = "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed: "
			+ "send HTTP Basic client credentials, or client_id for a public client.\"}";

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth2\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(BODY);
	}

}
