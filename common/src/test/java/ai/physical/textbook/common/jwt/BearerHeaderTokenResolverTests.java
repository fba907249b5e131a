package ai.physical.textbook.common.jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's resolver and the loop give the same token or the same error for every header tried: the edge cases of
 * the syntax, and a quarter of a million random headers built from the characters that matter.
 */
class BearerHeaderTokenResolverTests {

	private final BearerTokenResolver spring = new DefaultBearerTokenResolver();

	private final BearerTokenResolver loop = new BearerHeaderTokenResolver();

	@Test
	void edgeCasesGetSpringsAnswer() {
		List<String> headers = new ArrayList<>(List.of("", "Bearer", "Bearer ", "Bearer  abc", "bearer abc",
				"BEARER abc==", "BeArEr a.b-c_d~e+f/g", "Bearer abc def", "Bearer abc=", "Bearer abc=d", "Bearer =",
				"Bearer abc\n", "Bearer abc ", " Bearer abc", "Bearerabc", "Bearer\tabc", "Basic dXNlcjpwYXNz",
				"Bearer ab\u00e9", "Bearer \u017f", "Bearer abc\u0000", "DPoP abc"));
		headers.add("Bearer " + "x".repeat(4096));
		for (String header : headers) {
			assertSameAnswer(header);
		}
		assertSameAnswer(null);
	}

	@Test
	void randomHeadersGetSpringsAnswer() {
		Random random = new Random(7);
		String alphabet = "Bbearer =aZ09-._~+/\t\u00e9\u017f\u212a,;";
		for (int i = 0; i < 250_000; i++) {
			StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "");
			int length = random.nextInt(12);
			for (int j = 0; j < length; j++) {
				header.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertSameAnswer(header.toString());
		}
	}

	private void assertSameAnswer(String header) {
		assertThat(answer(this.loop, header)).as("Authorization: %s", header).isEqualTo(answer(this.spring, header));
	}

	private static String answer(BearerTokenResolver resolver, String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/context");
		if (header != null) {
			request.addHeader("Authorization", header);
		}
		try {
			return "token " + resolver.resolve(request);
		}
		catch (OAuth2AuthenticationException ex) {
			return "error " + ex.getError().getErrorCode() + " " + ex.getError().getDescription();
		}
	}

}
