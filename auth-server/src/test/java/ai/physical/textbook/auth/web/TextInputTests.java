package ai.physical.textbook.auth.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The single-line text rule shared by the profile validator, the sign-in and the protocol parameter guard.
 */
class TextInputTests {

	@Test
	void whenTextHoldsControlSurrogateOrDirectionCharactersThenUnsafe() {
		for (String unsafe : new String[] { "a\u0000b", "line\nbreak", "tab\there", "cr\r", "esc\u001B[31m", "del\u007F",
				"c1\u0085", "\u202Egnp.exe", "iso\u2066late", "lone\uD800", "lone\uDC00low" }) {
			assertThat(TextInput.isSafeLine(unsafe)).as(unsafe).isFalse();
			assertThat(TextInput.printable(unsafe)).as(unsafe).contains("\uFFFD");
			assertThat(TextInput.isSafeLine(TextInput.printable(unsafe))).isTrue();
		}
	}

	@Test
	void whenTextIsOrdinaryThenSafeAndUnchanged() {
		for (String safe : new String[] { "Python", "C++", "ROS 2", "Écriture", "日本語", "🤖 robots", "' OR '1'='1",
				"<script>alert(1)</script>", "", "\u200Fmark" }) {
			assertThat(TextInput.isSafeLine(safe)).as(safe).isTrue();
			assertThat(TextInput.printable(safe)).isSameAs(safe);
		}
		assertThat(TextInput.isSafeLine(null)).isTrue();
		assertThat(TextInput.firstUnsafe("ab\u0000")).isEqualTo(2);
	}

}
