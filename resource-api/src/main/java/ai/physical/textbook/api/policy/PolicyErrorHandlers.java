package ai.physical.textbook.api.policy;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import ai.physical.textbook.api.problem.ApiProblem;
import ai.physical.textbook.api.problem.ProblemResponses;
import ai.physical.textbook.api.token.UnavailableDependencies;

/**
 * Answers denied requests with the seed's bodies: 401 {@code AUTH_TOKEN_INVALID} (plus the RFC 6750
 * {@code WWW-Authenticate} header), 403 {@code AUTH_INSUFFICIENT_PERMISSIONS} or 403 {@code AUTH_PROFILE_INCOMPLETE}
 * with {@code redirectTo} the auth-server's profile page; 503 when a token cannot be judged now (the denylist cannot
 * be read, or the auth-server's keys cannot be fetched).
 */
final class PolicyErrorHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	private final ProblemResponses problems;

	private final String profilePage;

	private final AuthorizationDecisionLog decisionLog;

	private final Clock clock;

	PolicyErrorHandlers(ProblemResponses problems, String profilePage, AuthorizationDecisionLog decisionLog,
			Clock clock) {
		this.problems = problems;
		this.profilePage = profilePage;
		this.decisionLog = decisionLog;
		this.clock = clock;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (UnavailableDependencies.isUnavailable(exception)) {
			response.setHeader("Retry-After", "5");
			this.problems.write(request, response, ApiProblem.SERVICE_UNAVAILABLE.toProblemDetail());
			return;
		}
		if (exception instanceof OAuth2AuthenticationException) {
			// A token was presented and rejected by validation; requests without a token were already logged by the
			// policy that denied them.
			this.decisionLog.record(new AuthorizationLogEntry(null, null, request.getRequestURI(), request.getMethod(),
					Policy.AUTHENTICATED.policyName(), false, ApiProblem.AUTH_TOKEN_INVALID.name(),
					this.clock.instant()));
		}
		this.bearer.commence(request, response, exception);
		this.problems.write(request, response, ApiProblem.AUTH_TOKEN_INVALID.toProblemDetail());
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		ApiProblem problem = ApiProblem.AUTH_INSUFFICIENT_PERMISSIONS;
		if (exception instanceof AuthorizationDeniedException denied
				&& denied.getAuthorizationResult() instanceof PolicyAuthorizationManager.PolicyResult result) {
			problem = result.problem();
		}
		ProblemDetail body = problem.toProblemDetail();
		if (problem == ApiProblem.AUTH_PROFILE_INCOMPLETE) {
			body.setProperty("redirectTo", this.profilePage);
		}
		this.problems.write(request, response, body);
	}

}
