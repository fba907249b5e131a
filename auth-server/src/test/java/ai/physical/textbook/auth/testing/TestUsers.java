package ai.physical.textbook.auth.testing;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ai.physical.textbook.auth.account.AccountUser;
import ai.physical.textbook.auth.account.UserAccountRepository;
import ai.physical.textbook.auth.profile.ProfileRepository;

/**
 * Creates users the way sign-up does (user + empty profile), with unique emails, and gives unique client IPs, so tests
 * never depend on each other's data.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestUsers {

	/** A password that satisfies the policy. */
	public static final String PASSWORD = "Robot-Arms-2024";

	private final UserAccountRepository users;

	private final ProfileRepository profiles;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transaction;

	TestUsers(UserAccountRepository users, ProfileRepository profiles, PasswordEncoder passwordEncoder,
			PlatformTransactionManager transactionManager) {
		this.users = users;
		this.profiles = profiles;
		this.passwordEncoder = passwordEncoder;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	public static String uniqueEmail(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@readers.example";
	}

	/** A random private address, unique enough that per-IP counters of different tests never meet. */
	public static String uniqueIp() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

	public AccountUser create(String prefix) {
		return create(uniqueEmail(prefix), this.passwordEncoder.encode(PASSWORD), List.of(AccountUser.ROLE_USER));
	}

	public AccountUser createAdmin(String prefix) {
		return create(uniqueEmail(prefix), this.passwordEncoder.encode(PASSWORD),
				List.of(AccountUser.ROLE_USER, AccountUser.ROLE_ADMIN));
	}

	/** A user whose stored hash is the given (already encoded) one. */
	public AccountUser create(String email, String passwordHash, List<String> roles) {
		return this.transaction.execute((status) -> {
			AccountUser user = this.users.create(email, "Test Reader", passwordHash, roles);
			this.profiles.createEmpty(user.id());
			return user;
		});
	}

}
