package ai.physical.textbook.auth.profile;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.physical.textbook.auth.account.AccountUser;
import ai.physical.textbook.auth.testing.AuthServerTest;
import ai.physical.textbook.auth.testing.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The second wall behind the profile policies: even when the code asks for another user's rows, PostgreSQL's
 * row-level security (role identity_app, app.user_id / app.is_admin) refuses them.
 */
@AuthServerTest
class RowLevelSecurityTests {

	static final SoftwareBackground SOFTWARE = new SoftwareBackground(List.of("Rust"), List.of(), "expert", List.of(),
			null);

	static final HardwareBackground HARDWARE = new HardwareBackground(List.of("STM32"), "professional", "advanced",
			List.of());

	@Autowired
	RowSecurity rowSecurity;

	@Autowired
	ProfileRepository repository;

	@Autowired
	ProfileService profiles;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whenCodeReadsAnotherUsersProfileUnderRlsThenItsRowsAreInvisible() {
		AccountUser a = this.users.create("rls-a");
		AccountUser b = completeUser("rls-b");
		// Row-level security covers identity.users too: B does not exist at all as far as A's transaction can tell.
		assertThat(this.rowSecurity.run(new Actor(a.id(), false), () -> this.repository.findComplete(b.id())))
			.isEmpty();

		CompleteProfile seenByB = this.rowSecurity.run(new Actor(b.id(), false), () -> this.repository.findComplete(b.id()))
			.orElseThrow();
		assertThat(seenByB.softwareBackground().programmingLanguages()).containsExactly("Rust");
	}

	@Test
	void whenCodeWritesAnotherUsersProfileUnderRlsThenRefusedAndNothingChanges() {
		AccountUser a = this.users.create("rls-writer");
		AccountUser b = completeUser("rls-victim");
		SoftwareBackground overwrite = new SoftwareBackground(List.of("COBOL"), List.of(), "beginner", List.of(), 0);
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.rowSecurity
			.run(new Actor(a.id(), false), () -> this.repository.save(b.id(), overwrite, HARDWARE, true)));
		assertThat(languages(b)).containsExactly("Rust");
	}

	@Test
	void whenAdminUnderRlsThenMayReadButNotWriteOtherProfiles() {
		AccountUser admin = this.users.createAdmin("rls-admin");
		AccountUser b = completeUser("rls-member");
		CompleteProfile seen = this.rowSecurity.run(new Actor(admin.id(), true), () -> this.repository.findComplete(b.id()))
			.orElseThrow();
		assertThat(seen.softwareBackground().programmingLanguages()).containsExactly("Rust");
		SoftwareBackground overwrite = new SoftwareBackground(List.of("COBOL"), List.of(), "beginner", List.of(), 0);
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.rowSecurity
			.run(new Actor(admin.id(), true), () -> this.repository.save(b.id(), overwrite, HARDWARE, true)));
		assertThat(languages(b)).containsExactly("Rust");
	}

	@Test
	void whenServiceSavesForAnotherUserThenRowSecurityStopsItToo() {
		AccountUser a = this.users.create("rls-service");
		AccountUser b = this.users.create("rls-service-victim");
		// B's rows are invisible to A's transaction, so the service finds no such user and writes nothing.
		assertThatExceptionOfType(java.util.NoSuchElementException.class).isThrownBy(() -> this.profiles
			.save(new Actor(a.id(), false), b.id(), new ProfileUpdate(SOFTWARE, HARDWARE)));
		assertThat(languages(b)).isEmpty();
	}

	@Test
	void whenWorkRunsUnderRlsThenItRunsAsTheApplicationRoleAndTheSettingsEndWithTheTransaction() {
		AccountUser a = this.users.create("rls-role");
		String inside = this.rowSecurity.run(new Actor(a.id(), false), () -> this.jdbc
			.sql("SELECT current_user || ' ' || current_setting('app.user_id', true) || ' '"
					+ " || current_setting('app.is_admin', true)")
			.query(String.class)
			.single());
		assertThat(inside).isEqualTo("identity_app " + a.id() + " false");
		String outside = this.jdbc.sql("SELECT current_user").query(String.class).single();
		assertThat(outside).isNotEqualTo("identity_app");
	}

	private AccountUser completeUser(String prefix) {
		AccountUser user = this.users.create(prefix);
		this.profiles.save(new Actor(user.id(), false), user.id(), new ProfileUpdate(SOFTWARE, HARDWARE));
		return user;
	}

	private List<String> languages(AccountUser user) {
		return this.repository.findComplete(user.id()).orElseThrow().softwareBackground().programmingLanguages();
	}

}
