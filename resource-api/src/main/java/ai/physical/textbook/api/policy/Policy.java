package ai.physical.textbook.api.policy;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.oauth2.jwt.Jwt;

import ai.physical.textbook.api.problem.ApiProblem;

/**
 * The authorization policies of the seed plan (P3-T4). Each policy but {@code authenticated} extends
 * {@code authenticated}: the parent is evaluated first, and the first failing policy in the chain decides the answer.
 */
public enum Policy {

	/** A valid, unrevoked access token is present (validation itself happens in the bearer-token filter). */
	AUTHENTICATED("authenticated", null) {
		@Override
		Optional<ApiProblem> ownCheck(Jwt token, Map<String, String> pathVariables) {
			return (token != null) ? Optional.empty() : Optional.of(ApiProblem.AUTH_TOKEN_INVALID);
		}
	},

	/** The token's subject is the {@code userId} of the path. */
	SELF_PROFILE("self_profile", AUTHENTICATED) {
		@Override
		Optional<ApiProblem> ownCheck(Jwt token, Map<String, String> pathVariables) {
			String userId = pathVariables.get("userId");
			return (userId != null && userId.equalsIgnoreCase(token.getSubject())) ? Optional.empty()
					: Optional.of(ApiProblem.AUTH_INSUFFICIENT_PERMISSIONS);
		}
	},

	/** The token's {@code roles} include {@code admin}. */
	ADMIN("admin", AUTHENTICATED) {
		@Override
		Optional<ApiProblem> ownCheck(Jwt token, Map<String, String> pathVariables) {
			return isAdmin(token) ? Optional.empty() : Optional.of(ApiProblem.AUTH_INSUFFICIENT_PERMISSIONS);
		}
	},

	/**
	 * The token belongs to a reader whose profile is complete ({@code profileComplete} is {@code true}). A token
	 * without the claim, or whose subject is not a user id, is not a reader's (a client_credentials token): it lacks
	 * permission rather than a profile.
	 */
	PERSONALIZED_CONTENT("personalized_content", AUTHENTICATED) {
		@Override
		Optional<ApiProblem> ownCheck(Jwt token, Map<String, String> pathVariables) {
			Object complete = token.getClaims().get("profileComplete");
			if (complete == null || AuthorizationLogEntry.userIdOf(token.getSubject()) == null) {
				return Optional.of(ApiProblem.AUTH_INSUFFICIENT_PERMISSIONS);
			}
			return Boolean.TRUE.equals(complete) ? Optional.empty() : Optional.of(ApiProblem.AUTH_PROFILE_INCOMPLETE);
		}
	};

	private final String policyName;

	private final Policy parent;

	Policy(String policyName, Policy parent) {
		this.policyName = policyName;
		this.parent = parent;
	}

	/** The policy's name as in the seed plan and the authorization log. */
	public String policyName() {
		return this.policyName;
	}

	/** The policy this one extends, or {@code null} for {@code authenticated}. */
	public Policy parent() {
		return this.parent;
	}

	/**
	 * Evaluates the policy and its ancestors, root first.
	 * @param token the validated access token, or {@code null} when the request has none
	 * @param pathVariables the request's path variables
	 * @return the outcome: granted, or the policy that denied and why
	 */
	public PolicyOutcome evaluate(Jwt token, Map<String, String> pathVariables) {
		if (this.parent != null) {
			PolicyOutcome inherited = this.parent.evaluate(token, pathVariables);
			if (!inherited.granted()) {
				return inherited;
			}
		}
		return ownCheck(token, pathVariables).map((problem) -> PolicyOutcome.denied(this, problem))
			.orElseGet(() -> PolicyOutcome.granted(this));
	}

	abstract Optional<ApiProblem> ownCheck(Jwt token, Map<String, String> pathVariables);

	/** Whether the token's {@code roles} claim contains {@code admin}. */
	public static boolean isAdmin(Jwt token) {
		return token.getClaims().get("roles") instanceof Collection<?> roles && roles.contains("admin");
	}

	/**
	 * The result of evaluating a policy chain.
	 * @param policy the policy that granted (the requested one) or the first one that denied
	 * @param problem why access was denied, or {@code null} when granted
	 */
	public record PolicyOutcome(Policy policy, ApiProblem problem) {

		static PolicyOutcome granted(Policy policy) {
			return new PolicyOutcome(policy, null);
		}

		static PolicyOutcome denied(Policy policy, ApiProblem problem) {
			return new PolicyOutcome(policy, problem);
		}

		public boolean granted() {
			return this.problem == null;
		}

	}

}
