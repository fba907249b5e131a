package ai.physical.textbook.auth.session;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests see the browser session. The end-to-end proof (a real session in Redis that token requests leave
 * untouched) is in {@link SessionTests}.
 */
class BackChannelSessionFilterTests {

	private final BackChannelSessionFilter filter = new BackChannelSessionFilter(
			Set.of("/oauth2/token", "/oauth2/jwks", "/userinfo"), List.of("/.well-known/", "/api/"));

	@Test
	void whenBackChannelRequestThenNoSessionUnlessOneIsDemanded() throws Exception {
		for (String path : List.of("/oauth2/token", "/oauth2/jwks", "/userinfo", "/.well-known/openid-configuration",
				"/api/profile/42")) {
			HttpServletRequest seen = seenBy(request(path));
			assertThat(seen.getSession(false)).as(path).isNull();
			assertThat(seen.isRequestedSessionIdValid()).as(path).isFalse();
			assertThat(seen.getSession(true)).as("code that demands a session still gets the real one").isNotNull();
		}
	}

	@Test
	void whenPageOrUserFacingProtocolEndpointThenTheSessionIsThere() throws Exception {
		for (String path : List.of("/oauth2/authorize", "/signin", "/account", "/connect/logout", "/oauth2/tokens",
				"/apis", "/")) {
			MockHttpServletRequest request = request(path);
			assertThat(seenBy(request).getSession(false)).as(path).isSameAs(request.getSession(false));
		}
	}

	@Test
	void whenDeployedUnderAContextPathThenThePathAfterItCounts() throws Exception {
		MockHttpServletRequest request = request("/auth/oauth2/token");
		request.setContextPath("/auth");
		assertThat(seenBy(request).getSession(false)).isNull();
	}

	private static MockHttpServletRequest request(String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setSession(new MockHttpSession());
		return request;
	}

	private HttpServletRequest seenBy(MockHttpServletRequest request) throws Exception {
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, new MockHttpServletResponse(), chain);
		return (HttpServletRequest) chain.getRequest();
	}

}
