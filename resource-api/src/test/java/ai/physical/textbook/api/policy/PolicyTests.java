package ai.physical.textbook.api.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import ai.physical.textbook.api.problem.ApiProblem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policies and their inheritance (seed P3-T4), without HTTP.
 */
class PolicyTests {

	private static final String USER = "3f0b8c52-8d6e-4c1e-9a51-0c2f5e7d9a10";

	private static Jwt token(Map<String, Object> claims) {
		Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject(USER)
			.issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
		claims.forEach(builder::claim);
		return builder.build();
	}

	@Test
	void whenNoTokenThenEveryPolicyDeniesAsAuthenticated() {
		for (Policy policy : Policy.values()) {
			Policy.PolicyOutcome outcome = policy.evaluate(null, Map.of("userId", USER));
			assertThat(outcome.granted()).isFalse();
			assertThat(outcome.policy()).isEqualTo(Policy.AUTHENTICATED);
			assertThat(outcome.problem()).isEqualTo(ApiProblem.AUTH_TOKEN_INVALID);
		}
	}

	@Test
	void whenEveryPolicyExceptAuthenticatedThenItExtendsAuthenticated() {
		assertThat(Policy.AUTHENTICATED.parent()).isNull();
		assertThat(List.of(Policy.SELF_PROFILE, Policy.ADMIN, Policy.PERSONALIZED_CONTENT))
			.allSatisfy((policy) -> assertThat(policy.parent()).isEqualTo(Policy.AUTHENTICATED));
	}

	@Test
	void whenSelfProfileThenOnlyTheSubjectsOwnUserIdPasses() {
		Jwt token = token(Map.of());
		assertThat(Policy.SELF_PROFILE.evaluate(token, Map.of("userId", USER)).granted()).isTrue();
		assertThat(Policy.SELF_PROFILE.evaluate(token, Map.of("userId", USER.toUpperCase())).granted()).isTrue();
		Policy.PolicyOutcome other = Policy.SELF_PROFILE.evaluate(token,
				Map.of("userId", "00000000-0000-0000-0000-000000000001"));
		assertThat(other.granted()).isFalse();
		assertThat(other.problem()).isEqualTo(ApiProblem.AUTH_INSUFFICIENT_PERMISSIONS);
		assertThat(Policy.SELF_PROFILE.evaluate(token, Map.of()).granted()).isFalse();
	}

	@Test
	void whenAdminThenRolesMustContainAdmin() {
		assertThat(Policy.ADMIN.evaluate(token(Map.of("roles", List.of("user", "admin"))), Map.of()).granted())
			.isTrue();
		assertThat(Policy.ADMIN.evaluate(token(Map.of("roles", List.of("user"))), Map.of()).problem())
			.isEqualTo(ApiProblem.AUTH_INSUFFICIENT_PERMISSIONS);
		assertThat(Policy.ADMIN.evaluate(token(Map.of("roles", "admin")), Map.of()).granted()).isFalse();
	}

	@Test
	void whenPersonalizedContentThenProfileMustBeComplete() {
		assertThat(Policy.PERSONALIZED_CONTENT.evaluate(token(Map.of("profileComplete", true)), Map.of()).granted())
			.isTrue();
		assertThat(Policy.PERSONALIZED_CONTENT.evaluate(token(Map.of("profileComplete", false)), Map.of()).problem())
			.isEqualTo(ApiProblem.AUTH_PROFILE_INCOMPLETE);
		assertThat(Policy.PERSONALIZED_CONTENT.evaluate(token(Map.of()), Map.of()).problem())
			.isEqualTo(ApiProblem.AUTH_INSUFFICIENT_PERMISSIONS);
	}

}
