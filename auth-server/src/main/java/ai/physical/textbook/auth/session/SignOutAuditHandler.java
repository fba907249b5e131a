package ai.physical.textbook.auth.session;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

import ai.physical.textbook.auth.account.AccountUser;
import ai.physical.textbook.auth.audit.AuthEvent;

/**
 * Audits every sign-out through the logout form ({@code POST /logout}).
 */
@Component
public class SignOutAuditHandler implements LogoutHandler {

	private final ApplicationEventPublisher events;

	SignOutAuditHandler(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof AccountUser user) {
			this.events.publishEvent(new AuthEvent(user.id(), user.email(), AuthEvent.SIGN_OUT,
					request.getRemoteAddr(), request.getHeader("User-Agent"), true, null, Instant.now()));
		}
	}

}
