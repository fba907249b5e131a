package ai.physical.textbook.auth.signup;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ai.physical.textbook.auth.account.AccountUser;
import ai.physical.textbook.auth.account.UserAccountRepository;
import ai.physical.textbook.auth.audit.DataChangeEvent;
import ai.physical.textbook.auth.profile.ProfileRepository;

/**
 * Creates an account: the user (password hashed with Argon2id) and an empty profile with both background rows, in
 * one transaction, then audits the insert. The password hash never reaches the audit log.
 */
@Service
class SignupService {

	/** The email already has an account. */
	static class EmailTakenException extends RuntimeException {

		EmailTakenException() {
			super("Email already registered");
		}

	}

	private final UserAccountRepository users;

	private final ProfileRepository profiles;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	SignupService(UserAccountRepository users, ProfileRepository profiles, PasswordEncoder passwordEncoder,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
		this.users = users;
		this.profiles = profiles;
		this.passwordEncoder = passwordEncoder;
		this.transaction = new TransactionTemplate(transactionManager);
		this.events = events;
	}

	AccountUser signup(String email, String name, String password) {
		String hash = this.passwordEncoder.encode(password);
		AccountUser user;
		try {
			user = this.transaction.execute((status) -> {
				AccountUser created = this.users.create(email, name, hash, List.of(AccountUser.ROLE_USER));
				this.profiles.createEmpty(created.id());
				return created;
			});
		}
		catch (DuplicateKeyException ex) {
			throw new EmailTakenException();
		}
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("email", user.email());
		values.put("name", user.name());
		values.put("roles", user.roles());
		this.events.publishEvent(new DataChangeEvent(user.id(), "INSERT", "users", user.id().toString(), null, values,
				Instant.now()));
		return user;
	}

}
