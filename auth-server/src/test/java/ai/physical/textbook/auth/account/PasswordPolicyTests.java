package ai.physical.textbook.auth.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void whenListLoadedThenItHoldsTenThousandCommonPasswords() {
		assertThat(this.policy.commonPasswordCount()).isEqualTo(10_000);
		assertThat(this.policy.isCommon("123456")).isTrue();
		assertThat(this.policy.isCommon("PASSWORD")).as("case-insensitive").isTrue();
		assertThat(this.policy.isCommon("Robot-Arms-2024")).isFalse();
	}

	@Test
	void whenPasswordFollowsEveryRuleThenNoViolation() {
		assertThat(this.policy.check("Robot-Arms-2024")).isEmpty();
	}

	@Test
	void whenPasswordBreaksRulesThenEachIsReportedWithItsCode() {
		assertThat(this.policy.check("")).extracting(PasswordPolicy.Violation::code)
			.containsExactly("too_short", "no_uppercase", "no_lowercase", "no_digit");
		assertThat(this.policy.check("Aa1" + "b".repeat(126))).extracting(PasswordPolicy.Violation::code)
			.containsExactly("too_long");
		assertThat(this.policy.check("Password1")).extracting(PasswordPolicy.Violation::code)
			.containsExactly("too_common");
	}

	@Test
	void whenLengthCountedThenCharactersNotBytesCount() {
		// Eight characters, more than eight UTF-16 units: the emoji are one character each.
		assertThat(this.policy.check("Aa1😀😀😀😀😀")).isEmpty();
		assertThat(this.policy.check("Aa1😀😀😀😀")).extracting(PasswordPolicy.Violation::code)
			.containsExactly("too_short");
	}

}
