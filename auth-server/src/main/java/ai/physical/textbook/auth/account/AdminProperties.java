package ai.physical.textbook.auth.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bootstrap administrator ({@code textbook.admin.*}, env {@code TEXTBOOK_ADMIN_EMAIL} /
 * {@code TEXTBOOK_ADMIN_PASSWORD}). Nothing is created when the email is blank. There is no default password: without
 * one, a production start ({@code prod} profile) fails, and any other start generates a random password and logs it
 * once.
 *
 * @param email the administrator's email
 * @param password the initial password (used only when the account is created)
 * @param name the display name
 */
@ConfigurationProperties("textbook.admin")
record AdminProperties(String email, String password, String name) {

	AdminProperties {
		name = (name == null || name.isBlank()) ? "Administrator" : name;
	}

}
