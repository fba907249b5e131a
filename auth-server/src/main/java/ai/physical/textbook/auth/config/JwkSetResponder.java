package ai.physical.textbook.auth.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

import ai.physical.textbook.auth.key.SigningKeys;

/**
 * Answers the canonical JWK set request ({@code GET} of the exact path, no query string) from the serialized set of
 * the current key snapshot, ahead of Spring Session and Spring Security. The set is public and changes only when the
 * keys are reloaded, yet Spring's endpoint sits behind the firewall and the whole protocol chain (some twenty
 * filters) and serializes the set anew for every request: most of the cost of the endpoint that every resource
 * server and client library polls. The answer is the same document with the same headers as Spring's endpoint (the
 * tests compare them; only the content type drops Spring's charset); any other request (a query string, another method, path parameters) falls through to it.
 */
final class JwkSetResponder extends OncePerRequestFilter {

	private final SigningKeys keys;

	private final String path;

	private final List<HeaderWriter> headers;

	private volatile Serialized serialized;

	/**
	 * @param keys the published keys
	 * @param path the JWK set endpoint's path, without the context path
	 * @param headers the security headers the protocol chain writes
	 */
	JwkSetResponder(SigningKeys keys, String path, List<HeaderWriter> headers) {
		this.keys = keys;
		this.path = path;
		this.headers = List.copyOf(headers);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || request.getQueryString() != null) {
			return true;
		}
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		return uri.length() != contextPath.length() + this.path.length() || !uri.startsWith(contextPath)
				|| !uri.endsWith(this.path);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] json = json();
		for (HeaderWriter writer : this.headers) {
			writer.writeHeaders(request, response);
		}
		response.setStatus(HttpServletResponse.SC_OK);
		// No charset parameter: JSON is UTF-8 by definition (RFC 8259); Spring's endpoint names ISO-8859-1, which is
		// harmless for this ASCII document but wrong.
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(json.length);
		response.getOutputStream().write(json);
	}

	private byte[] json() {
		JWKSet current = this.keys.published();
		Serialized cached = this.serialized;
		if (cached == null || cached.source() != current) {
			// toString() writes the public parts of the keys only, as Spring's endpoint does.
			cached = new Serialized(current, current.toString().getBytes(StandardCharsets.UTF_8));
			this.serialized = cached;
		}
		return cached.json();
	}

	private record Serialized(JWKSet source, byte[] json) {
	}

}
