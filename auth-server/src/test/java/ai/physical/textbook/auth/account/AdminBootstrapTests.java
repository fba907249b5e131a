package ai.physical.textbook.auth.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import ai.physical.textbook.auth.profile.ProfileService;
import ai.physical.textbook.auth.testing.AuthServerTest;
import ai.physical.textbook.auth.testing.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@AuthServerTest
class AdminBootstrapTests {

	@Autowired
	UserAccountRepository users;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	PasswordPolicy passwordPolicy;

	@Autowired
	ProfileService profiles;

	@Test
	void whenAdminConfiguredThenCreatedAtStartupWithAdminRoleAndTheConfiguredPassword() {
		AccountUser admin = this.users.findByEmail(AuthServerTest.ADMIN_EMAIL).orElseThrow();
		assertThat(admin.roles()).containsExactly("user", "admin");
		assertThat(admin.isAdmin()).isTrue();
		assertThat(this.passwordEncoder.matches(AuthServerTest.ADMIN_PASSWORD, admin.passwordHash())).isTrue();
	}

	@Test
	void whenRunAgainForAnExistingAccountThenRoleEnsuredAndPasswordKept() {
		String email = TestUsers.uniqueEmail("promoted");
		String hash = this.passwordEncoder.encode("Existing-Pass-1");
		AccountUser existing = this.users.create(email, "Existing", hash, java.util.List.of("user"));
		// Read once, as minting a token does: the profile (with its roles) is now in the cache.
		assertThat(this.profiles.findComplete(existing.id()).orElseThrow().roles()).containsExactly("user");
		bootstrap(email, "Other-Password-2", new MockEnvironment()).run(null);
		AccountUser promoted = this.users.findById(existing.id()).orElseThrow();
		assertThat(promoted.roles()).containsExactly("user", "admin");
		assertThat(promoted.passwordHash()).isEqualTo(hash);
		assertThat(this.profiles.findComplete(existing.id()).orElseThrow().roles()).as("token claims see the new role")
			.containsExactly("user", "admin");
	}

	@Test
	void whenProductionStartHasNoAdminPasswordThenStartupFails() {
		MockEnvironment production = new MockEnvironment();
		production.setActiveProfiles("production");
		assertThatIllegalStateException()
			.isThrownBy(() -> bootstrap(TestUsers.uniqueEmail("prod-admin"), "", production).run(null))
			.withMessageContaining("TEXTBOOK_ADMIN_PASSWORD");
	}

	@Test
	void whenAdminPasswordBreaksThePolicyThenStartupFails() {
		assertThatIllegalStateException()
			.isThrownBy(() -> bootstrap(TestUsers.uniqueEmail("weak-admin"), "admin", new MockEnvironment()).run(null))
			.withMessageContaining("password policy");
	}

	@Test
	void whenNoPasswordOutsideProductionThenARandomOneIsGeneratedNotADefault() {
		String email = TestUsers.uniqueEmail("dev-admin");
		bootstrap(email, null, new MockEnvironment()).run(null);
		AccountUser admin = this.users.findByEmail(email).orElseThrow();
		assertThat(admin.isAdmin()).isTrue();
		for (String guess : java.util.List.of("admin", "password", "Admin123", "changeme", "")) {
			assertThat(this.passwordEncoder.matches(guess, admin.passwordHash())).isFalse();
		}
	}

	private AdminBootstrap bootstrap(String email, String password, MockEnvironment environment) {
		return new AdminBootstrap(new AdminProperties(email, password, null), this.users, this.passwordEncoder,
				this.passwordPolicy, environment, this.profiles);
	}

}
