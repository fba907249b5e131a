package ai.physical.textbook.systemtests.support;

/**
 * Endpoints of the apps that the system tests call, from docs/architecture.md and the feature issues.
 */
public final class Paths {

	/** resource-api: the personalization context ({@code personalized_content} policy). */
	public static final String CONTEXT = "/api/personalization/context";

	/** auth-server: the profile JSON API of one user. */
	public static final String PROFILE_API = "/api/profile/";

	/** auth-server: the account page of the signed-in reader. */
	public static final String ACCOUNT = "/account";

	private Paths() {
	}

}
