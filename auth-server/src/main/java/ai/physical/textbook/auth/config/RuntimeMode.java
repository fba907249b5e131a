package ai.physical.textbook.auth.config;

import java.util.Arrays;

import org.springframework.core.env.Environment;

/**
 * Local or production. Production ({@code textbook.mode=production}, env {@code TEXTBOOK_MODE}, or the Spring profile
 * {@code production}) turns every unsafe local default into a startup failure with a clear message.
 */
public final class RuntimeMode {

	private RuntimeMode() {
	}

	/**
	 * @param environment the Spring environment
	 * @return whether the server runs in production mode
	 */
	public static boolean isProduction(Environment environment) {
		return "production".equalsIgnoreCase(environment.getProperty("textbook.mode", "local"))
				|| Arrays.asList(environment.getActiveProfiles()).contains("production");
	}

}
