package ai.physical.textbook.auth.account;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user. {@link #getUsername()} is the user id, so the authorization server uses it as principal name
 * and token subject; the email is what the user types.
 *
 * <p>Once signed in, the principal kept in the session is {@link #withoutPassword()}: the hash never leaves the
 * sign-in step.
 */
public record AccountUser(UUID id, String email, String name, String passwordHash, List<String> roles)
		implements UserDetails {

	public static final String ROLE_USER = "user";

	public static final String ROLE_ADMIN = "admin";

	@Override
	public String getUsername() {
		return this.id.toString();
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.roles.stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase())).toList();
	}

	/** Whether the user holds the {@code admin} role. */
	public boolean isAdmin() {
		return this.roles.contains(ROLE_ADMIN);
	}

	/** The same user without the password hash, as kept in the session after sign-in. */
	public AccountUser withoutPassword() {
		return new AccountUser(this.id, this.email, this.name, null, this.roles);
	}

	/** The same user with another password hash (after an upgrade or a change). */
	AccountUser withPasswordHash(String hash) {
		return new AccountUser(this.id, this.email, this.name, hash, this.roles);
	}

	@Override
	public String toString() {
		return "AccountUser[id=" + this.id + "]";
	}

}
