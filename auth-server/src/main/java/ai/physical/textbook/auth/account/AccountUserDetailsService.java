package ai.physical.textbook.auth.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads users by email for the sign-in form, and stores upgraded password hashes: when a stored hash uses an older
 * algorithm or weaker parameters, Spring Security re-encodes the password after a successful sign-in and calls
 * {@link #updatePassword}.
 */
@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final UserAccountRepository users;

	AccountUserDetailsService(UserAccountRepository users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return this.users.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	@Override
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		AccountUser account = (AccountUser) user;
		this.users.updatePasswordHash(account.id(), newPassword);
		return account.withPasswordHash(newPassword);
	}

}
