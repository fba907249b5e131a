package ai.physical.textbook.auth.config;

/**
 * Paths of the server-rendered pages that the security configuration refers to.
 */
public final class PagePaths {

	public static final String SIGN_IN = "/signin";

	public static final String SIGN_UP = "/signup";

	public static final String LOGOUT = "/logout";

	/** Form parameter that carries the email on the sign-in form. */
	public static final String EMAIL_PARAMETER = "email";

	private PagePaths() {
	}

}
