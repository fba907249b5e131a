package ai.physical.textbook.auth.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import ai.physical.textbook.auth.account.AccountUser;
import ai.physical.textbook.auth.account.PasswordPolicy;
import ai.physical.textbook.auth.account.UserAccountRepository;
import ai.physical.textbook.auth.account.UserSignedOutEverywhere;
import ai.physical.textbook.auth.audit.AuthEvent;
import ai.physical.textbook.auth.audit.DataChangeEvent;
import ai.physical.textbook.auth.bruteforce.LoginAttempts;

/**
 * Changes a signed-in user's password: the current password must be right (wrong guesses count against the account
 * like failed sign-ins), the new one must follow the policy. Afterwards every other session of the user ends and
 * {@link UserSignedOutEverywhere} (reason {@code password_change}) tells the token feature to revoke refresh tokens.
 */
@Service
class PasswordChange {

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final LoginAttempts attempts;

	private final ActiveSessions sessions;

	private final ApplicationEventPublisher events;

	PasswordChange(UserAccountRepository users, PasswordEncoder passwordEncoder, PasswordPolicy policy,
			LoginAttempts attempts, ActiveSessions sessions, ApplicationEventPublisher events) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.attempts = attempts;
		this.sessions = sessions;
		this.events = events;
	}

	/** The client of the request, for counters and the audit log. */
	record Client(String ipAddress, String userAgent, String sessionId) {
	}

	/**
	 * @return field errors by field name ({@code currentPassword}, {@code newPassword}, {@code confirmNewPassword});
	 * empty when the password was changed
	 */
	Map<String, List<String>> change(AccountUser principal, String current, String next, String confirmation,
			Client client) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		AccountUser user = this.users.findById(principal.id()).orElseThrow();
		LoginAttempts.Verdict verdict = this.attempts.check(user.email(), client.ipAddress());
		if (verdict != LoginAttempts.Verdict.ALLOWED || !this.passwordEncoder.matches(current, user.passwordHash())) {
			this.attempts.recordFailure(user.email(), client.ipAddress(), client.userAgent());
			audit(user, client, false, "wrong_current_password");
			errors.put("currentPassword", List.of("Your current password is not right."));
		}
		List<String> rules = new ArrayList<>(this.policy.check(next).stream().map(PasswordPolicy.Violation::message).toList());
		if (rules.isEmpty() && next.equals(current)) {
			rules.add("Choose a password different from the current one.");
		}
		if (!rules.isEmpty()) {
			errors.put("newPassword", rules);
		}
		if (!next.equals(confirmation)) {
			errors.put("confirmNewPassword", List.of("The two passwords do not match."));
		}
		if (!errors.isEmpty()) {
			return errors;
		}
		this.users.updatePasswordHash(user.id(), this.passwordEncoder.encode(next));
		this.attempts.recordSuccess(user.email());
		this.sessions.endAll(user.id(), client.sessionId());
		this.events.publishEvent(new UserSignedOutEverywhere(user.id(), "password_change"));
		audit(user, client, true, null);
		this.events.publishEvent(new DataChangeEvent(user.id(), "UPDATE", "users", user.id().toString(), null,
				Map.of("passwordChanged", true), Instant.now()));
		return errors;
	}

	private void audit(AccountUser user, Client client, boolean success, String reason) {
		this.events.publishEvent(new AuthEvent(user.id(), user.email(), AuthEvent.PASSWORD_CHANGE, client.ipAddress(),
				client.userAgent(), success, reason, Instant.now()));
	}

}
