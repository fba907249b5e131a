package ai.physical.textbook.auth.signin;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import ai.physical.textbook.auth.account.AccountUser;
import ai.physical.textbook.auth.account.UserAccountRepository;
import ai.physical.textbook.auth.audit.AuthEvent;
import ai.physical.textbook.auth.bruteforce.LoginAttempts;
import ai.physical.textbook.auth.web.TextInput;
import ai.physical.textbook.common.web.DependencyFailures;

/**
 * Email-and-password sign-in with brute-force protection and audit:
 *
 * <ol>
 * <li>refuses without checking the password when the account or client IP is locked or must still wait;</li>
 * <li>verifies the password with Argon2id ({@link DaoAuthenticationProvider}: same cost for unknown emails, and a
 * stored hash with an older algorithm or weaker parameters is re-encoded on success);</li>
 * <li>counts failures or clears them on success, and writes an {@code auth_logs} event either way.</li>
 * </ol>
 * Every refusal carries the same message, whatever the reason, so the page cannot tell who has an account. An email
 * with control characters (a NUL byte, say) is refused before any lookup, since PostgreSQL refuses such text, and is
 * audited with those characters replaced. When the account store is unavailable the reader is not told "wrong
 * password" and no failure is counted: the failure propagates and the 503 filter answers "temporarily unavailable".
 */
@Component
class SigninAuthenticationProvider implements AuthenticationProvider {

	static final String GENERIC_FAILURE = "Wrong email or password";

	private final DaoAuthenticationProvider passwords;

	private final LoginAttempts attempts;

	private final ApplicationEventPublisher events;

	SigninAuthenticationProvider(UserDetailsService users, UserDetailsPasswordService passwordUpgrades,
			PasswordEncoder passwordEncoder, LoginAttempts attempts, ApplicationEventPublisher events) {
		this.passwords = new DaoAuthenticationProvider(users);
		this.passwords.setPasswordEncoder(passwordEncoder);
		this.passwords.setUserDetailsPasswordService(passwordUpgrades);
		this.attempts = attempts;
		this.events = events;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String email = UserAccountRepository.normalizeEmail(authentication.getName());
		SigninDetails details = (authentication.getDetails() instanceof SigninDetails d) ? d
				: new SigninDetails(null, null, null);
		if (!TextInput.isSafeLine(email)) {
			this.attempts.recordFailure(email, details.remoteAddress(), details.userAgent());
			audit(null, TextInput.printable(email), details, false, "invalid_email");
			throw new BadCredentialsException(GENERIC_FAILURE);
		}
		LoginAttempts.Verdict verdict = this.attempts.check(email, details.remoteAddress());
		if (verdict != LoginAttempts.Verdict.ALLOWED) {
			if (verdict == LoginAttempts.Verdict.THROTTLED) {
				this.attempts.recordFailure(email, details.remoteAddress(), details.userAgent());
			}
			audit(null, email, details, false, verdict == LoginAttempts.Verdict.LOCKED ? "locked" : "throttled");
			throw new BadCredentialsException(GENERIC_FAILURE);
		}
		Authentication verified;
		try {
			verified = this.passwords.authenticate(authentication);
		}
		catch (AuthenticationException ex) {
			if (DependencyFailures.isUnavailable(ex)) {
				// Not an AuthenticationException, so the form login does not turn it into "wrong email or password".
				throw new DataAccessResourceFailureException("The account store is unavailable", ex);
			}
			this.attempts.recordFailure(email, details.remoteAddress(), details.userAgent());
			audit(null, email, details, false, "bad_credentials");
			throw new BadCredentialsException(GENERIC_FAILURE);
		}
		AccountUser user = ((AccountUser) verified.getPrincipal()).withoutPassword();
		this.attempts.recordSuccess(email);
		audit(user, email, details, true, null);
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		// Plain WebAuthenticationDetails: a type every session and authorization serializer already knows.
		result.setDetails(new WebAuthenticationDetails(details.remoteAddress(), details.sessionId()));
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private void audit(AccountUser user, String email, SigninDetails details, boolean success, String reason) {
		this.events.publishEvent(new AuthEvent((user != null) ? user.id() : null, email, AuthEvent.SIGN_IN,
				details.remoteAddress(), details.userAgent(), success, reason, Instant.now()));
	}

}
