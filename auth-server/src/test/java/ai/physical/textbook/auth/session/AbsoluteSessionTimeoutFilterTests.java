package ai.physical.textbook.auth.session;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

class AbsoluteSessionTimeoutFilterTests {

	@Test
	void whenSessionOlderThanTheAbsoluteTimeoutThenItEndsEvenIfActive() throws Exception {
		MockHttpSession session = run(Duration.ofMillis(-1));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void whenSessionYoungerThanTheAbsoluteTimeoutThenItLives() throws Exception {
		MockHttpSession session = run(Duration.ofHours(12));
		assertThat(session.isInvalid()).isFalse();
	}

	@Test
	void whenUnsetThenTwelveHours() {
		assertThat(new SessionProperties(null).absoluteTimeout()).isEqualTo(Duration.ofHours(12));
	}

	private static MockHttpSession run(Duration timeout) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/account");
		MockHttpSession session = new MockHttpSession();
		request.setSession(session);
		MockFilterChain chain = new MockFilterChain();
		new AbsoluteSessionTimeoutFilter(new SessionProperties(timeout)).doFilter(request,
				new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).as("the request always goes on").isNotNull();
		return session;
	}

}
