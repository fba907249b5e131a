package ai.physical.textbook.auth.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

import ai.physical.textbook.auth.key.SigningKeys;
import ai.physical.textbook.auth.support.AuthServerIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JWK set answered ahead of the filter chains is the document, status and headers of Spring's own endpoint (a
 * query string sends the request there; the content type names no charset), follows key reloads, and leaves every non-canonical request to Spring.
 */
@AuthServerIntegrationTest
class JwkSetResponderTests {

	private static final String PATH = "/oauth2/jwks";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	SigningKeys keys;

	@Test
	void whenTheJwkSetIsFetchedThenTheAnswerIsSpringsEndpointsAnswer() throws Exception {
		HttpResponse<String> fast = get(PATH);
		HttpResponse<String> spring = get(PATH + "?via=spring");

		assertThat(fast.statusCode()).isEqualTo(200);
		assertThat(spring.statusCode()).isEqualTo(200);
		assertThat(JWKSet.parse(fast.body()).toJSONObject()).isEqualTo(JWKSet.parse(spring.body()).toJSONObject());
		assertThat(fast.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(spring.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(otherHeaders(fast)).isEqualTo(otherHeaders(spring));
		List<JWK> published = JWKSet.parse(fast.body()).getKeys();
		assertThat(published).isNotEmpty().noneMatch(JWK::isPrivate);
		assertThat(fast.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
	}

	@Test
	void whenTheKeysAreReloadedThenTheNewSetIsServed() throws Exception {
		JwkSetResponder responder = responder();
		responder.doFilter(canonical(), new MockHttpServletResponse(), mustNotBeCalled());

		String rotated = this.keys.rotateNow();
		MockHttpServletResponse after = new MockHttpServletResponse();
		responder.doFilter(canonical(), after, mustNotBeCalled());

		assertThat(after.getStatus()).isEqualTo(200);
		assertThat(JWKSet.parse(after.getContentAsString()).getKeyByKeyId(rotated)).isNotNull();
	}

	@Test
	void whenTheRequestIsNotTheCanonicalOneThenSpringsEndpointAnswers() throws Exception {
		JwkSetResponder responder = responder();
		MockHttpServletRequest withQuery = canonical();
		withQuery.setQueryString("x=1");
		MockHttpServletRequest post = canonical();
		post.setMethod("POST");
		MockHttpServletRequest pathParameter = canonical();
		pathParameter.setRequestURI(PATH + ";x=1");
		MockHttpServletRequest otherPath = canonical();
		otherPath.setRequestURI(PATH + "x");

		for (MockHttpServletRequest request : List.of(withQuery, post, pathParameter, otherPath)) {
			MockFilterChain chain = new MockFilterChain();
			MockHttpServletResponse response = new MockHttpServletResponse();

			responder.doFilter(request, response, chain);

			assertThat(chain.getRequest()).as(request.getMethod() + " " + request.getRequestURI()).isSameAs(request);
			assertThat(response.getContentAsByteArray()).isEmpty();
		}
	}

	private JwkSetResponder responder() {
		return new JwkSetResponderConfig().jwkSetResponder(this.keys, AuthorizationServerSettings.builder().build())
			.getFilter();
	}

	private static MockHttpServletRequest canonical() {
		return new MockHttpServletRequest("GET", PATH);
	}

	private static FilterChain mustNotBeCalled() {
		return (request, response) -> {
			throw new AssertionError("the request went down the chain");
		};
	}

	private HttpResponse<String> get(String pathAndQuery) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + pathAndQuery)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Every header but the date and the content type (Spring's names a charset, JSON has none: RFC 8259). */
	private static Map<String, List<String>> otherHeaders(HttpResponse<String> response) {
		Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
		headers.remove("date");
		headers.remove("content-type");
		return headers;
	}

}
