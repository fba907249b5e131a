package ai.physical.textbook.auth.account;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import ai.physical.textbook.auth.config.RuntimeMode;

/**
 * Creates the demo reader account that the local launcher ({@code ./run}) prints, from
 * {@code textbook.demo-user.email} / {@code textbook.demo-user.password} (env {@code TEXTBOOK_DEMO_USER_EMAIL} /
 * {@code TEXTBOOK_DEMO_USER_PASSWORD}). The launcher generates the password once and keeps it in {@code .data/}.
 * Never in production mode; an existing account is left as it is, so restarts are harmless.
 */
@Component
class DemoUserBootstrap implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoUserBootstrap.class);

	private final String email;

	private final String password;

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final Environment environment;

	DemoUserBootstrap(@Value("${textbook.demo-user.email:}") String email,
			@Value("${textbook.demo-user.password:}") String password, UserAccountRepository users,
			PasswordEncoder passwordEncoder, Environment environment) {
		this.email = email;
		this.password = password;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.email.isBlank() || this.password.isBlank()) {
			return;
		}
		if (RuntimeMode.isProduction(this.environment)) {
			logger.warn("textbook.demo-user is ignored in production mode");
			return;
		}
		if (this.users.findByEmail(this.email).isPresent()) {
			return;
		}
		try {
			AccountUser demo = this.users.create(this.email, "Demo reader", this.passwordEncoder.encode(this.password),
					List.of(AccountUser.ROLE_USER));
			logger.info("Demo reader {} created for local use", demo.id());
		}
		catch (DuplicateKeyException ex) {
			// Another instance created it at the same moment.
		}
	}

}
