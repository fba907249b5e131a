package ai.physical.textbook.common.web;

import java.util.Collections;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The loop gives the verdict of Spring Security's regular expressions for every code point and for mixed strings,
 * and the firewall bean uses it: a control character in a header is rejected, a tab in a value is not.
 */
class FirewallCharactersTests {

	/** Spring Security's patterns, copied from {@code StrictHttpFirewall}. */
	private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static final Pattern HEADER_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void everyCodePointGetsTheVerdictOfTheRegularExpressions() {
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String single = new String(Character.toChars(codePoint));
			assertSameVerdict(single);
		}
	}

	@Test
	void mixedStringsAndLoneSurrogatesGetTheVerdictOfTheRegularExpressions() {
		assertSameVerdict("");
		assertSameVerdict("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln");
		assertSameVerdict("text/html;\tq=0.9");
		assertSameVerdict("caf\u00e9 \ud83e\udd16 robot");
		assertSameVerdict("lone \ud83e high surrogate");
		assertSameVerdict("lone \udd16 low surrogate");
		assertSameVerdict("bell \u0007 inside");
		assertSameVerdict("delete \u007f and C1 \u0085");
		assertSameVerdict("unassigned \u0378 inside");
		Random random = new Random(42);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder value = new StringBuilder();
			int length = random.nextInt(8);
			for (int j = 0; j < length; j++) {
				// Mostly ASCII, sometimes anything, so that both branches of the loop meet in one string.
				value.append(random.nextInt(4) == 0 ? (char) random.nextInt(Character.MAX_VALUE + 1)
						: (char) random.nextInt(0x80));
			}
			assertSameVerdict(value.toString());
		}
	}

	@Test
	void theFirewallBeanRejectsControlCharactersInHeadersAndAllowsTabsInValues() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FirewallAutoConfiguration.class))
			.run((context) -> {
				HttpFirewall firewall = context.getBean(HttpFirewall.class);
				MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/context");
				request.addHeader("X-Bell", "ring\u0007");
				request.addHeader("X-Tab", "a\tb");
				request.addHeader("Bad\u0001Name", "value");
				request.addParameter("ok\u0002", "value");

				var firewalled = firewall.getFirewalledRequest(request);

				assertThat(firewalled.getHeader("X-Tab")).isEqualTo("a\tb");
				assertThatExceptionOfType(RequestRejectedException.class)
					.isThrownBy(() -> firewalled.getHeader("X-Bell"));
				assertThatExceptionOfType(RequestRejectedException.class)
					.isThrownBy(() -> Collections.list(firewalled.getHeaderNames()));
				assertThatExceptionOfType(RequestRejectedException.class)
					.isThrownBy(() -> firewalled.getParameterMap());
			});
	}

	private static void assertSameVerdict(String value) {
		assertThat(FirewallCharacters.NAMES.test(value)).as("name %s", codePoints(value))
			.isEqualTo(NAMES.matcher(value).matches());
		assertThat(FirewallCharacters.HEADER_VALUES.test(value)).as("header value %s", codePoints(value))
			.isEqualTo(HEADER_VALUES.matcher(value).matches());
	}

	private static String codePoints(String value) {
		StringBuilder hex = new StringBuilder();
		value.codePoints().forEach((codePoint) -> hex.append(String.format("U+%04X ", codePoint)));
		return hex.toString();
	}

}
