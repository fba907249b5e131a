package ai.physical.textbook.auth.signin;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import ai.physical.textbook.auth.account.AccountUser;
import ai.physical.textbook.auth.profile.ProfileService;
import ai.physical.textbook.auth.session.SessionMetadata;

/**
 * After sign-in: records the session's metadata for the account page, then sends a reader whose profile is
 * incomplete to the profile form first (the saved OAuth request stays in the session and the form continues to it),
 * and everyone else to the saved request or the account page.
 */
@Component
public class SigninSuccessHandler implements AuthenticationSuccessHandler {

	private final ProfileService profiles;

	private final SavedRequestAwareAuthenticationSuccessHandler savedRequest;

	SigninSuccessHandler(ProfileService profiles) {
		this.profiles = profiles;
		this.savedRequest = new SavedRequestAwareAuthenticationSuccessHandler();
		this.savedRequest.setDefaultTargetUrl("/account");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		SessionMetadata.recordSignIn(request, authentication);
		AccountUser user = (AccountUser) authentication.getPrincipal();
		boolean complete = this.profiles.findComplete(user.id()).map((p) -> p.profileComplete()).orElse(false);
		if (!complete) {
			response.sendRedirect(request.getContextPath() + "/profile");
			return;
		}
		this.savedRequest.onAuthenticationSuccess(request, response, authentication);
	}

}
