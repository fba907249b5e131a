package ai.physical.textbook.auth.web;

/**
 * The one rule for text that arrives from outside and may reach PostgreSQL, a token or a page: a single-line value
 * holds no control characters ({@code \p{Cc}}: NUL, tab, CR, LF, ESC, DEL, C1 controls), no unpaired surrogates, and
 * no bidirectional embedding, override or isolate characters (U+202A–U+202E, U+2066–U+2069, the "Trojan Source"
 * characters that make text display differently from what it is).
 *
 * <p>Why refuse rather than strip: PostgreSQL refuses NUL in text (a 500 where a 400 belongs), CR/LF in a value that
 * is later logged or put in a header forges lines, and silently changing what a reader typed is worse than telling
 * them. Used by the profile validator, the sign-in provider and the protocol endpoints' parameter guard.
 */
public final class TextInput {

	private TextInput() {
	}

	/** Whether the value may be used as single-line text (null counts as safe: absence is checked elsewhere). */
	public static boolean isSafeLine(CharSequence value) {
		return value == null || firstUnsafe(value) < 0;
	}

	/** The index of the first character that breaks the rule, or -1. */
	public static int firstUnsafe(CharSequence value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
				continue;
			}
			if (Character.isISOControl(c) || Character.isSurrogate(c) || isBidiControl(c)) {
				return i;
			}
		}
		return -1;
	}

	/** The value with every unsafe character replaced by U+FFFD, for audit rows and logs. */
	public static String printable(String value) {
		if (value == null || isSafeLine(value)) {
			return value;
		}
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				out.append(c).append(value.charAt(++i));
			}
			else {
				out.append((Character.isISOControl(c) || Character.isSurrogate(c) || isBidiControl(c)) ? '\uFFFD' : c);
			}
		}
		return out.toString();
	}

	private static boolean isBidiControl(char c) {
		return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
	}

}
