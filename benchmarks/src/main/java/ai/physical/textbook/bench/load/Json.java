package ai.physical.textbook.bench.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads top-level string and boolean members of the small JSON bodies of token responses; nothing more is needed.
 */
final class Json {

	private Json() {
	}

	static String string(String json, String member) {
		// Unrolled loop: one iteration per escape, not per character, so a long token cannot overflow the stack.
		Matcher matcher = Pattern
			.compile("\"" + Pattern.quote(member) + "\"\\s*:\\s*\"([^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\"")
			.matcher(json);
		return matcher.find() ? matcher.group(1) : null;
	}

	static Boolean bool(String json, String member) {
		Matcher matcher = Pattern.compile("\"" + Pattern.quote(member) + "\"\\s*:\\s*(true|false)").matcher(json);
		return matcher.find() ? Boolean.valueOf(matcher.group(1)) : null;
	}

}
