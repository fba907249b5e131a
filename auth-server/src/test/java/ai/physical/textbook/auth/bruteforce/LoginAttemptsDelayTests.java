package ai.physical.textbook.auth.bruteforce;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAttemptsDelayTests {

	private final LoginAttempts attempts = new LoginAttempts(null, new BruteForceProperties(true, 3,
			Duration.ofSeconds(1), Duration.ofSeconds(30), 10, 50, null, null, null, null), null);

	@Test
	void whenFailuresGrowThenDelayDoublesFromTheBaseUpToTheMaximum() {
		assertThat(this.attempts.delay(3)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.attempts.delay(4)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.attempts.delay(5)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.attempts.delay(8)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.attempts.delay(1_000)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void whenUnsetThenDefaultsAreOnAndConservative() {
		BruteForceProperties defaults = new BruteForceProperties(null, null, null, null, null, null, null, null, null,
				null);
		assertThat(defaults.enabled()).isTrue();
		assertThat(defaults.lockAfter()).isEqualTo(10);
		assertThat(defaults.ipLockAfter()).isEqualTo(50);
		assertThat(defaults.lockDuration()).isEqualTo(Duration.ofMinutes(15));
		assertThat(defaults.signupsPerIp()).isEqualTo(20);
	}

	@Test
	void whenEmailsDifferOnlyInCaseOrSpacesThenTheyShareOneCounterThatHidesTheEmail() {
		assertThat(LoginAttempts.accountKey(" Ada@Example.COM ")).isEqualTo(LoginAttempts.accountKey("ada@example.com"))
			.startsWith("textbook:bruteforce:account:")
			.doesNotContain("example");
	}

}
