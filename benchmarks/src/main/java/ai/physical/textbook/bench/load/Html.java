package ai.physical.textbook.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough HTML reading for the flows: the inputs and action of the first form on a page.
 */
final class Html {

	private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

	private Html() {
	}

	/** The first form whose action contains {@code actionPart} (any form when null), or null. */
	static Form form(String html, String actionPart) {
		return forms(html).stream()
			.filter((f) -> actionPart == null || (f.action() != null && f.action().contains(actionPart)))
			.findFirst()
			.orElse(null);
	}

	/** Every form of the page, in order. */
	static List<Form> forms(String html) {
		List<Form> forms = new ArrayList<>();
		Matcher form = FORM.matcher(html);
		while (form.find()) {
			String action = attribute(form.group(1), "action");
			List<Map.Entry<String, String>> fields = new ArrayList<>();
			Matcher input = INPUT.matcher(form.group(2));
			while (input.find()) {
				String attributes = input.group(1);
				String name = attribute(attributes, "name");
				String type = attribute(attributes, "type");
				if (name == null || "submit".equalsIgnoreCase(type)) {
					continue;
				}
				String value = attribute(attributes, "value");
				// Consent pages list scopes as several checkboxes with one name: all are kept, as a browser sends them
				// when every box is ticked.
				fields.add(Map.entry(name, value == null ? "" : value));
			}
			forms.add(new Form(action, fields));
		}
		return forms;
	}

	static String attribute(String attributes, String name) {
		Matcher matcher = Pattern.compile("\\b" + name + "\\s*=\\s*(\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE)
			.matcher(attributes);
		if (!matcher.find()) {
			return null;
		}
		String value = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
		return value.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
	}

	record Form(String action, List<Map.Entry<String, String>> fields) {

		String value(String name) {
			return this.fields.stream().filter((e) -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst()
				.orElse(null);
		}

		/** The form body, {@code overrides} replacing or adding single-valued fields. */
		String encoded(Map<String, String> overrides) {
			StringJoiner joiner = new StringJoiner("&");
			for (Map.Entry<String, String> field : this.fields) {
				if (!overrides.containsKey(field.getKey())) {
					joiner.add(Http.encode(field.getKey()) + "=" + Http.encode(field.getValue()));
				}
			}
			overrides.forEach((key, value) -> joiner.add(Http.encode(key) + "=" + Http.encode(value)));
			return joiner.toString();
		}

	}

}
