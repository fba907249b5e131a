package ai.physical.textbook.auth.signup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ai.physical.textbook.auth.account.AccountUser;
import ai.physical.textbook.auth.account.PasswordPolicy;
import ai.physical.textbook.auth.account.UserAccountRepository;
import ai.physical.textbook.auth.audit.AuthEvent;
import ai.physical.textbook.auth.bruteforce.SignupRateLimiter;
import ai.physical.textbook.auth.session.SessionMetadata;

/**
 * The sign-up page. On success the new reader is signed in (new session id, against session fixation) and sent to
 * the profile form; the OAuth request that brought them here, if any, stays saved in the session and the profile form
 * continues to it.
 */
@Controller
class SignupController {

	static final String VIEW = "signup";

	static final String PATH = "/signup";

	/** Something@something.something, no spaces; the real check is that the reader can sign in with it. */
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

	private final SignupService signups;

	private final PasswordPolicy passwordPolicy;

	private final SignupRateLimiter rateLimiter;

	private final ApplicationEventPublisher events;

	private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

	private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	SignupController(SignupService signups, PasswordPolicy passwordPolicy, SignupRateLimiter rateLimiter,
			ApplicationEventPublisher events) {
		this.signups = signups;
		this.passwordPolicy = passwordPolicy;
		this.rateLimiter = rateLimiter;
		this.events = events;
	}

	@GetMapping(PATH)
	String form(Model model) {
		model.addAttribute("email", "");
		model.addAttribute("name", "");
		model.addAttribute("errors", Map.of());
		return VIEW;
	}

	@PostMapping(PATH)
	String signup(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmPassword,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		model.addAttribute("email", email);
		model.addAttribute("name", name);
		if (!this.rateLimiter.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("errors", Map.of("form",
					List.of("Too many sign-up attempts from your network. Please try again in an hour.")));
			return VIEW;
		}
		Map<String, List<String>> errors = validate(email, name, password, confirmPassword);
		if (errors.isEmpty()) {
			try {
				AccountUser user = this.signups.signup(email, name.strip(), password);
				signIn(user, request, response);
				return "redirect:/profile";
			}
			catch (SignupService.EmailTakenException ex) {
				errors.put("email", List.of("An account with this email already exists. Sign in instead, "
						+ "or use another email."));
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("errors", errors);
		return VIEW;
	}

	private Map<String, List<String>> validate(String email, String name, String password, String confirmation) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		String normalized = UserAccountRepository.normalizeEmail(email);
		if (normalized.isEmpty()) {
			errors.put("email", List.of("Enter your email address."));
		}
		else if (normalized.length() > 255 || !EMAIL.matcher(normalized).matches()) {
			errors.put("email", List.of("Enter a valid email address, like name@example.com."));
		}
		if (name.isBlank()) {
			errors.put("name", List.of("Enter your name."));
		}
		else if (name.strip().length() > 255) {
			errors.put("name", List.of("Use at most 255 characters for your name."));
		}
		List<String> passwordErrors = new ArrayList<>(
				this.passwordPolicy.check(password).stream().map(PasswordPolicy.Violation::message).toList());
		if (!passwordErrors.isEmpty()) {
			errors.put("password", passwordErrors);
		}
		if (!password.equals(confirmation)) {
			errors.put("confirmPassword", List.of("The two passwords do not match."));
		}
		return errors;
	}

	/** Signs the new user in as form login would: new session id, security context saved, audited. */
	private void signIn(AccountUser user, HttpServletRequest request, HttpServletResponse response) {
		request.getSession();
		request.changeSessionId();
		AccountUser principal = user.withoutPassword();
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
			.authenticated(principal, null, principal.getAuthorities());
		authentication.setDetails(new WebAuthenticationDetails(request.getRemoteAddr(), request.getSession().getId()));
		SecurityContext context = this.contextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		this.contextHolder.setContext(context);
		this.contextRepository.saveContext(context, request, response);
		SessionMetadata.recordSignIn(request, authentication);
		String userAgent = request.getHeader("User-Agent");
		Instant now = Instant.now();
		this.events.publishEvent(new AuthEvent(user.id(), user.email(), AuthEvent.SIGNUP, request.getRemoteAddr(),
				userAgent, true, null, now));
		this.events.publishEvent(new AuthEvent(user.id(), user.email(), AuthEvent.SIGN_IN, request.getRemoteAddr(),
				userAgent, true, null, now));
	}

}
