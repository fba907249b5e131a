package ai.physical.textbook.auth.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import ai.physical.textbook.auth.config.RuntimeMode;
import ai.physical.textbook.auth.profile.ProfileService;

/**
 * Creates the bootstrap administrator from configuration at startup, or grants the {@code admin} role to an existing
 * account with that email. An existing password is never overwritten, so restarts are harmless.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(AdminBootstrap.class);

	private final AdminProperties properties;

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final Environment environment;

	private final ProfileService profiles;

	AdminBootstrap(AdminProperties properties, UserAccountRepository users, PasswordEncoder passwordEncoder,
			PasswordPolicy passwordPolicy, Environment environment, ProfileService profiles) {
		this.properties = properties;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.environment = environment;
		this.profiles = profiles;
	}

	@Override
	public void run(ApplicationArguments args) {
		String email = this.properties.email();
		if (email == null || email.isBlank()) {
			return;
		}
		Optional<AccountUser> existing = this.users.findByEmail(email);
		if (existing.isPresent()) {
			promote(existing.get().id());
			logger.info("Bootstrap administrator {} exists; admin role ensured", existing.get().id());
			return;
		}
		String password = initialPassword();
		try {
			AccountUser admin = this.users.create(email, this.properties.name(), this.passwordEncoder.encode(password),
					List.of(AccountUser.ROLE_USER, AccountUser.ROLE_ADMIN));
			logger.info("Bootstrap administrator {} created", admin.id());
		}
		catch (DuplicateKeyException ex) {
			// Another instance created it at the same moment.
			this.users.findByEmail(email).ifPresent((user) -> promote(user.id()));
		}
	}

	private void promote(UUID userId) {
		this.users.grantRole(userId, AccountUser.ROLE_ADMIN);
		// Token claims and the profile API read roles through the profile cache: without this the new role would
		// reach tokens only when the cached profile expires.
		this.profiles.evict(userId);
	}

	private String initialPassword() {
		String configured = this.properties.password();
		if (configured != null && !configured.isBlank()) {
			List<PasswordPolicy.Violation> violations = this.passwordPolicy.check(configured);
			if (!violations.isEmpty()) {
				throw new IllegalStateException("textbook.admin.password breaks the password policy: "
						+ violations.stream().map(PasswordPolicy.Violation::code).toList());
			}
			return configured;
		}
		if (RuntimeMode.isProduction(this.environment)) {
			throw new IllegalStateException("textbook.admin.email is set but textbook.admin.password is not: "
					+ "a production start needs an explicit initial administrator password (TEXTBOOK_ADMIN_PASSWORD)");
		}
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		// The prefix guarantees the upper-case, lower-case and digit rules whatever the random part holds.
		String generated = "Aa1-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		logger.warn("No textbook.admin.password configured: generated initial password for {} (shown once): {}",
				this.properties.email(), generated);
		return generated;
	}

}
