package ai.physical.textbook.auth.signin;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import ai.physical.textbook.auth.account.AccountUser;
import ai.physical.textbook.auth.bruteforce.LoginAttempts;
import ai.physical.textbook.auth.profile.Actor;
import ai.physical.textbook.auth.profile.HardwareBackground;
import ai.physical.textbook.auth.profile.ProfileService;
import ai.physical.textbook.auth.profile.ProfileUpdate;
import ai.physical.textbook.auth.profile.SoftwareBackground;
import ai.physical.textbook.auth.testing.AuthServerTest;
import ai.physical.textbook.auth.testing.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AuthServerTest
class SigninTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ProfileService profiles;

	@Test
	void whenSigninPageOpenedThenFormPostsEmailAndPasswordWithCsrf() throws Exception {
		this.mvc.perform(get("/signin"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.containsString("action=\"/signin\""),
					org.hamcrest.Matchers.containsString("name=\"email\""),
					org.hamcrest.Matchers.containsString("name=\"password\""),
					org.hamcrest.Matchers.containsString("name=\"_csrf\""))));
	}

	@Test
	void whenErrorShownThenSameGenericMessageWhateverTheCause() throws Exception {
		this.mvc.perform(get("/signin?error"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Wrong email or password.")));
	}

	@Test
	void whenWrongPasswordOrUnknownEmailThenSameAnswerAndBothAudited() throws Exception {
		AccountUser user = this.users.create("wrong");
		String unknown = TestUsers.uniqueEmail("nobody");
		signIn(user.email(), "Wrong-Password-1", TestUsers.uniqueIp()).andExpect(redirectedUrl("/signin?error"));
		signIn(unknown, "Wrong-Password-1", TestUsers.uniqueIp()).andExpect(redirectedUrl("/signin?error"));
		await().untilAsserted(() -> {
			assertThat(failureReasons(user.email())).containsExactly("bad_credentials");
			assertThat(failureReasons(unknown)).containsExactly("bad_credentials");
		});
	}

	@Test
	void whenCredentialsRightThenSignedInWithIncompleteProfileSentToProfileForm() throws Exception {
		AccountUser user = this.users.create("right");
		String ip = TestUsers.uniqueIp();
		signIn(user.email().toUpperCase(), TestUsers.PASSWORD, ip).andExpect(redirectedUrl("/profile"));
		await().untilAsserted(() -> assertThat(this.jdbc.sql("""
				SELECT host(ip_address) || ' ' || user_agent FROM identity.auth_logs
				WHERE user_id = :id AND event = 'sign_in' AND success
				""").param("id", user.id()).query(String.class).list()).containsExactly(ip + " SigninTests/1.0"));
	}

	@Test
	void whenEmailHoldsAControlCharacterThenGenericFailureAndAuditedWithItReplaced() throws Exception {
		String email = TestUsers.uniqueEmail("nul");
		String withNul = email.replace("@", "\u0000@");

		signIn(withNul, "Wrong-Password-1", TestUsers.uniqueIp()).andExpect(redirectedUrl("/signin?error"));

		// PostgreSQL refuses NUL in text: the audit row carries U+FFFD instead, so the attempt is not lost.
		await().untilAsserted(() -> assertThat(failureReasons(email.replace("@", "\uFFFD@")))
			.containsExactly("invalid_email"));
	}

	@Test
	void whenProfileCompleteThenSigninContinuesToTheSavedRequest() throws Exception {
		AccountUser user = this.users.create("saved");
		this.profiles.save(new Actor(user.id(), false), user.id(), completeProfile());
		// Spring Session keeps the session in Redis and finds it by cookie, as for a browser.
		Cookie session = this.mvc.perform(get("/account"))
			.andExpect(redirectedUrl("/signin"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		this.mvc.perform(post("/signin").with(csrf())
			.cookie(session)
			.with(from(TestUsers.uniqueIp()))
			.param("email", user.email())
			.param("password", TestUsers.PASSWORD)).andExpect(redirectedUrl("http://localhost/account?continue"));
	}

	@Test
	void whenTooManyFailuresThenAccountLockedEvenForTheRightPasswordAndLockoutAudited() throws Exception {
		AccountUser user = this.users.create("locked");
		// lock-after is 5 in tests; every attempt comes from a different address so only the account counter counts.
		for (int i = 0; i < 5; i++) {
			signIn(user.email(), "Wrong-Password-" + i, TestUsers.uniqueIp()).andExpect(redirectedUrl("/signin?error"));
		}
		assertThat(this.redis.hasKey(LoginAttempts.accountKey(user.email()) + ":locked")).isTrue();
		signIn(user.email(), TestUsers.PASSWORD, TestUsers.uniqueIp()).andExpect(redirectedUrl("/signin?error"));
		await().untilAsserted(() -> {
			assertThat(this.jdbc.sql("""
					SELECT failure_reason FROM identity.auth_logs WHERE email = :email AND event = 'lockout'
					""").param("email", user.email()).query(String.class).list()).containsExactly("account_locked");
			assertThat(failureReasons(user.email())).contains("locked").doesNotContainNull();
		});
	}

	@Test
	void whenAttemptComesBeforeTheDelayEndsThenRefusedWithoutCheckingThePassword() throws Exception {
		AccountUser user = this.users.create("delay");
		String key = LoginAttempts.accountKey(user.email()) + ":notbefore";
		this.redis.opsForValue()
			.set(key, Long.toString(System.currentTimeMillis() + 60_000), java.time.Duration.ofMinutes(1));
		signIn(user.email(), TestUsers.PASSWORD, TestUsers.uniqueIp()).andExpect(redirectedUrl("/signin?error"));
		await().untilAsserted(() -> assertThat(failureReasons(user.email())).containsExactly("throttled"));
		this.redis.delete(key);
		signIn(user.email(), TestUsers.PASSWORD, TestUsers.uniqueIp()).andExpect(redirectedUrl("/profile"));
	}

	@Test
	void whenFailuresReachTheDelayThresholdThenADelayIsSet() throws Exception {
		AccountUser user = this.users.create("threshold");
		String key = LoginAttempts.accountKey(user.email());
		for (int i = 0; i < 2; i++) {
			signIn(user.email(), "Wrong-Password-" + i, TestUsers.uniqueIp());
		}
		assertThat(this.redis.hasKey(key + ":notbefore")).as("no delay below the threshold").isFalse();
		signIn(user.email(), "Wrong-Password-3", TestUsers.uniqueIp());
		// The delay (50 ms in tests) may already be over; its trace is the counter that reached the threshold.
		assertThat(this.redis.opsForValue().get(key + ":failures")).isIn("3", "4");
	}

	@Test
	void whenSigninSucceedsThenAccountFailuresAreReset() throws Exception {
		AccountUser user = this.users.create("reset");
		signIn(user.email(), "Wrong-Password-1", TestUsers.uniqueIp());
		signIn(user.email(), "Wrong-Password-2", TestUsers.uniqueIp());
		String key = LoginAttempts.accountKey(user.email());
		assertThat(this.redis.opsForValue().get(key + ":failures")).isEqualTo("2");
		signIn(user.email(), TestUsers.PASSWORD, TestUsers.uniqueIp()).andExpect(redirectedUrl("/profile"));
		assertThat(this.redis.hasKey(key + ":failures")).isFalse();
		// The counter starts again from zero: four more failures do not lock (the limit is five).
		for (int i = 0; i < 4; i++) {
			signIn(user.email(), "Wrong-Again-" + i, TestUsers.uniqueIp());
		}
		assertThat(this.redis.hasKey(key + ":locked")).isFalse();
	}

	@Test
	void whenOneAddressFailsTooOftenThenThatAddressIsLockedForEveryAccount() throws Exception {
		String attacker = TestUsers.uniqueIp();
		for (int i = 0; i < 8; i++) {
			signIn(TestUsers.uniqueEmail("spray"), "Spray-Password-1", attacker);
		}
		AccountUser victim = this.users.create("victim");
		signIn(victim.email(), TestUsers.PASSWORD, attacker).andExpect(redirectedUrl("/signin?error"));
		signIn(victim.email(), TestUsers.PASSWORD, TestUsers.uniqueIp()).andExpect(redirectedUrl("/profile"));
		await().untilAsserted(() -> assertThat(this.jdbc.sql("""
				SELECT count(*) FROM identity.auth_logs
				WHERE event = 'lockout' AND failure_reason = 'ip_locked' AND host(ip_address) = :ip
				""").param("ip", attacker).query(Integer.class).single()).isEqualTo(1));
	}

	@Test
	void whenStoredHashIsOlderAlgorithmThenUpgradedToArgon2idOnSignIn() throws Exception {
		String email = TestUsers.uniqueEmail("legacy");
		AccountUser user = this.users.create(email, "{bcrypt}" + new BCryptPasswordEncoder().encode(TestUsers.PASSWORD),
				List.of(AccountUser.ROLE_USER));
		signIn(email, TestUsers.PASSWORD, TestUsers.uniqueIp()).andExpect(redirectedUrl("/profile"));
		assertThat(this.jdbc.sql("SELECT password_hash FROM identity.users WHERE id = :id")
			.param("id", user.id())
			.query(String.class)
			.single()).startsWith("{argon2id}");
		signIn(email, TestUsers.PASSWORD, TestUsers.uniqueIp()).andExpect(redirectedUrl("/profile"));
	}

	@Test
	void whenCsrfTokenMissingThenSigninRefused() throws Exception {
		AccountUser user = this.users.create("nocsrf");
		this.mvc.perform(post("/signin").param("email", user.email()).param("password", TestUsers.PASSWORD))
			.andExpect(status().isForbidden());
	}

	private List<String> failureReasons(String email) {
		return this.jdbc.sql("""
				SELECT failure_reason FROM identity.auth_logs WHERE email = :email AND event = 'sign_in' AND NOT success
				""").param("email", email).query(String.class).list();
	}

	private ResultActions signIn(String email, String password, String ip) throws Exception {
		return this.mvc.perform(post("/signin").with(csrf())
			.with(from(ip))
			.header("User-Agent", "SigninTests/1.0")
			.param("email", email)
			.param("password", password));
	}

	static RequestPostProcessor from(String ip) {
		return (request) -> {
			request.setRemoteAddr(ip);
			return request;
		};
	}

	static ProfileUpdate completeProfile() {
		return new ProfileUpdate(
				new SoftwareBackground(List.of("Python"), List.of("ROS 2"), "intermediate", List.of(), 3),
				new HardwareBackground(List.of("Raspberry Pi"), "hobbyist", "basic", List.of()));
	}

}
