package ai.physical.textbook.bench.load;

/**
 * A step of a flow did not answer as a correct server must; the message names the step and what came back.
 */
final class FlowException extends Exception {

	private static final long serialVersionUID = 1L;

	FlowException(String step, Http.Response response) {
		super(step + ": HTTP " + response.status() + (response.location() != null ? " -> " + response.location() : "")
				+ " " + abbreviate(response.body()));
	}

	FlowException(String message) {
		super(message);
	}

	private static String abbreviate(String body) {
		if (body == null) {
			return "";
		}
		String flat = body.replaceAll("\\s+", " ");
		return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
	}

}
