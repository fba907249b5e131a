package ai.physical.textbook.auth.profile;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Row-level security on user-facing profile paths ({@code textbook.rls.*}).
 *
 * @param enabled run those transactions as {@code role} (default true); false only where the database cannot have
 * the role (the policies are then not enforced and the application checks stand alone)
 * @param role the database role whose policies apply (default {@code identity_app}, see docs/architecture.md)
 */
@ConfigurationProperties("textbook.rls")
record RowSecurityProperties(Boolean enabled, String role) {

	RowSecurityProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		role = (role != null && !role.isBlank()) ? role : "identity_app";
		if (!role.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("textbook.rls.role must be a plain lower-case identifier: " + role);
		}
	}

}
