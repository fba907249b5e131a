package ai.physical.textbook.auth.web;

/**
 * A JSON API resource that does not exist; answered with a 404 problem carrying the given code.
 */
public class NotFoundException extends RuntimeException {

	private final String code;

	public NotFoundException(String detail, String code) {
		super(detail);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
