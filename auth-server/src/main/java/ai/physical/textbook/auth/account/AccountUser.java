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
 */
public record AccountUser(UUID id, String email, String name, String passwordHash, List<String> roles)
		implements UserDetails {

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

	@Override
	public String toString() {
		return "AccountUser[id=" + this.id + "]";
	}

}
