package ai.physical.textbook.auth.account;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing: Argon2id with the OWASP parameters (19 MiB, 2 iterations, 1 lane) behind a
 * {@link DelegatingPasswordEncoder}, so stored hashes carry their algorithm id and can be upgraded on sign-in.
 * BCrypt is accepted for verification only (hashes imported from other systems) and re-encoded as Argon2id at the
 * next successful sign-in. At most one hash per core runs at a time ({@link BoundedPasswordEncoder}), which bounds the
 * memory the hashes take.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfig {

	static final String ARGON2 = "argon2id";

	static final String BCRYPT = "bcrypt";

	@Bean
	PasswordEncoder passwordEncoder() {
		Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
		// At most one hash per core at a time: bounds the 19 MiB per hash (see BoundedPasswordEncoder).
		return new BoundedPasswordEncoder(
				new DelegatingPasswordEncoder(ARGON2, Map.of(ARGON2, argon2, BCRYPT, new BCryptPasswordEncoder())),
				Runtime.getRuntime().availableProcessors());
	}

}
