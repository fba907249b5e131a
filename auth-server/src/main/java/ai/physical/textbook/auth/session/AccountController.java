package ai.physical.textbook.auth.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ai.physical.textbook.auth.account.AccountUser;
import ai.physical.textbook.auth.account.UserSignedOutEverywhere;
import ai.physical.textbook.auth.audit.AuthEvent;
import ai.physical.textbook.auth.profile.Actor;
import ai.physical.textbook.auth.profile.ProfileService;
import ai.physical.textbook.auth.profile.ProfileValidator;

/**
 * The account page: the reader's profile summary, their active browser sessions and connected applications, password
 * change, and the sign-out actions. "Sign out everywhere" ends every session of the user (this one included) and publishes
 * {@link UserSignedOutEverywhere}, on which the token feature revokes the user's refresh tokens.
 */
@Controller
class AccountController {

	static final String VIEW = "account";

	static final String LOGOUT_VIEW = "logout";

	private final ProfileService profiles;

	private final ActiveSessions sessions;

	private final ConnectedApps apps;

	private final PasswordChange passwordChange;

	private final ApplicationEventPublisher events;

	AccountController(ProfileService profiles, ActiveSessions sessions, ConnectedApps apps,
			PasswordChange passwordChange, ApplicationEventPublisher events) {
		this.profiles = profiles;
		this.sessions = sessions;
		this.apps = apps;
		this.passwordChange = passwordChange;
		this.events = events;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/account";
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal AccountUser user, HttpSession session, Model model) {
		model.addAttribute("passwordErrors", Map.of());
		return render(user, session, model);
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal AccountUser user,
			@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmNewPassword, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Map<String, List<String>> errors = this.passwordChange.change(user, currentPassword, newPassword,
				confirmNewPassword, new PasswordChange.Client(request.getRemoteAddr(), request.getHeader("User-Agent"),
						request.getSession().getId()));
		if (errors.isEmpty()) {
			// A new id for the session that stays, so a copy of the old cookie is worthless too.
			request.changeSessionId();
			return "redirect:/account?passwordChanged";
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("passwordErrors", errors);
		return render(user, request.getSession(), model);
	}

	private String render(AccountUser user, HttpSession session, Model model) {
		var profile = this.profiles.read(new Actor(user.id(), false), user.id()).orElseThrow();
		model.addAttribute("user", user);
		model.addAttribute("profile", profile);
		model.addAttribute("missing",
				ProfileValidator.missingForCompletion(profile.softwareBackground(), profile.hardwareBackground()));
		model.addAttribute("sessions", this.sessions.of(user.id(), session.getId()));
		model.addAttribute("apps", this.apps.of(user.id()));
		return VIEW;
	}

	@PostMapping("/account/sessions/{handle}/end")
	String endSession(@AuthenticationPrincipal AccountUser user, @PathVariable String handle,
			HttpServletRequest request) {
		boolean ended = this.sessions.end(user.id(), handle);
		if (ended) {
			this.events.publishEvent(new AuthEvent(user.id(), user.email(), AuthEvent.SIGN_OUT, request.getRemoteAddr(),
					request.getHeader("User-Agent"), true, "ended_from_account_page", Instant.now()));
		}
		return "redirect:/account?" + (ended ? "sessionEnded" : "sessionNotFound");
	}

	@PostMapping("/account/apps/{clientId}/disconnect")
	String disconnectApp(@AuthenticationPrincipal AccountUser user, @PathVariable String clientId,
			HttpServletRequest request) {
		boolean disconnected = this.apps.disconnect(user.id(), clientId).isPresent();
		if (disconnected) {
			this.events.publishEvent(new AuthEvent(user.id(), user.email(), AuthEvent.APP_DISCONNECTED,
					request.getRemoteAddr(), request.getHeader("User-Agent"), true, null, Instant.now()));
		}
		return "redirect:/account?" + (disconnected ? "appDisconnected" : "appNotFound");
	}

	@PostMapping("/account/sign-out-everywhere")
	String signOutEverywhere(@AuthenticationPrincipal AccountUser user, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response) {
		this.sessions.endAll(user.id(), null);
		new SecurityContextLogoutHandler().logout(request, response, authentication);
		this.events.publishEvent(new UserSignedOutEverywhere(user.id(), "sign_out_everywhere"));
		this.events.publishEvent(new AuthEvent(user.id(), user.email(), AuthEvent.SIGN_OUT_EVERYWHERE,
				request.getRemoteAddr(), request.getHeader("User-Agent"), true, null, Instant.now()));
		return "redirect:/signin?signedOutEverywhere";
	}

	@GetMapping("/logout")
	String logoutConfirmation() {
		return LOGOUT_VIEW;
	}

}
