package ai.physical.textbook.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PkceTest {

	@Test
	void whenRfc7636VerifierThenItsS256ChallengeMatchesTheRfc() {
		assertThat(Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
			.isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
	}

	@Test
	void whenCreatedThenVerifierIsFreshAndChallengeDerivedFromIt() {
		Pkce first = Pkce.create();
		Pkce second = Pkce.create();

		assertThat(first.verifier()).hasSize(43).isNotEqualTo(second.verifier());
		assertThat(first.challenge()).isEqualTo(Pkce.challenge(first.verifier()));
	}

}
