package ai.physical.textbook.common.web;

import java.util.function.Predicate;

/**
 * The character rules of Spring Security's {@code StrictHttpFirewall} for header names, header values and parameter
 * names, as a loop instead of its regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, with tab allowed
 * in header values). Same verdict for every string (both read the JDK's Unicode tables through
 * {@link Character#getType(int)}), but the regular expression ran over every header of every request, the 1.5 KB
 * {@code Authorization} header included, and was ~4 % of the CPU of a bearer-token request (JFR). Printable ASCII,
 * nearly every character of real requests, is decided by one comparison.
 */
public final class FirewallCharacters {

	/** Header names and parameter names: assigned code points, no control characters. */
	public static final Predicate<String> NAMES = (value) -> assignedAndNotControl(value, false);

	/** Header values: the same, and tab is allowed. */
	public static final Predicate<String> HEADER_VALUES = (value) -> assignedAndNotControl(value, true);

	private FirewallCharacters() {
	}

	private static boolean assignedAndNotControl(String value, boolean tabAllowed) {
		int length = value.length();
		int i = 0;
		while (i < length) {
			char c = value.charAt(i);
			if ((c >= 0x20 && c < 0x7f) || (tabAllowed && c == '\t')) {
				i++;
				continue;
			}
			int codePoint = value.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.CONTROL || type == Character.UNASSIGNED) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
