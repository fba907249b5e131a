package ai.physical.textbook.auth.account;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing: Argon2id with OWASP's parameters of 7 MiB, 5 iterations, 1 lane behind a
 * {@link DelegatingPasswordEncoder}, so stored hashes carry their algorithm id and can be upgraded on sign-in.
 * BCrypt is accepted for verification only (hashes imported from other systems) and re-encoded as Argon2id at the
 * next successful sign-in. At most one hash per core runs at a time ({@link BoundedPasswordEncoder}), and the hashes
 * reuse one pool of memory blocks sized for that many ({@link PooledArgon2PasswordEncoder}), so sign-ins cost CPU,
 * not heap. The stored format is Spring Security's {@code Argon2PasswordEncoder}'s.
 *
 * <p>Why 7 MiB × 5 and not the better-known 19 MiB × 2: OWASP's Password Storage Cheat Sheet lists both (with 46, 12
 * and 9 MiB variants) as giving an equal level of defence. The benchmark measured that 19 MiB per hash does not fit
 * the young generation of the deployed 128 MiB heap: two concurrent hashes (38 MiB live) were promoted to the old
 * generation on every young collection, and a sign-in burst spent most of its time in full collections (280 of them,
 * 33 s, in one 50 s window). 7 MiB per hash costs the same CPU and keeps the pool small (14 MiB on two cores).
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfig {

	static final String ARGON2 = "argon2id";

	static final String BCRYPT = "bcrypt";

	@Bean
	PasswordEncoder passwordEncoder() {
		// At most one hash per core at a time (BoundedPasswordEncoder), and memory blocks for exactly that many
		// hashes, reused by every hash (PooledArgon2PasswordEncoder).
		int concurrentHashes = Runtime.getRuntime().availableProcessors();
		PasswordEncoder argon2 = new PooledArgon2PasswordEncoder(concurrentHashes);
		return new BoundedPasswordEncoder(
				new DelegatingPasswordEncoder(ARGON2, Map.of(ARGON2, argon2, BCRYPT, new BCryptPasswordEncoder())),
				concurrentHashes);
	}

}
