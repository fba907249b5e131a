package ai.physical.textbook.api.policy;

import java.time.Clock;
import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import ai.physical.textbook.api.problem.ApiProblem;

/**
 * Enforces one {@link Policy} (with its inherited policies) on a request and records the decision.
 */
final class PolicyAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

	private final Policy policy;

	private final AuthorizationDecisionLog log;

	private final Clock clock;

	PolicyAuthorizationManager(Policy policy, AuthorizationDecisionLog log, Clock clock) {
		this.policy = policy;
		this.log = log;
		this.clock = clock;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		Jwt token = (authentication.get() instanceof JwtAuthenticationToken jwtAuthentication)
				? jwtAuthentication.getToken() : null;
		Policy.PolicyOutcome outcome = this.policy.evaluate(token, context.getVariables());
		String subject = (token != null) ? token.getSubject() : null;
		this.log.record(new AuthorizationLogEntry(
				AuthorizationLogEntry.userIdOf(subject), subject,
				context.getRequest().getRequestURI(), context.getRequest().getMethod(), outcome.policy().policyName(),
				outcome.granted(), outcome.granted() ? null : outcome.problem().name(), this.clock.instant()));
		return new PolicyResult(outcome);
	}

	/**
	 * A Spring Security decision that remembers which policy decided and why, so that the access-denied handler
	 * can answer with the matching problem.
	 */
	static final class PolicyResult extends AuthorizationDecision {

		private final Policy.PolicyOutcome outcome;

		PolicyResult(Policy.PolicyOutcome outcome) {
			super(outcome.granted());
			this.outcome = outcome;
		}

		ApiProblem problem() {
			return this.outcome.problem();
		}

	}

}
