package ai.physical.textbook.auth.profile;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ai.physical.textbook.auth.account.AccountUser;

/**
 * The profile page: the software and hardware background form, with what is still missing for a complete profile.
 * After a successful save the reader continues where they were going (the OAuth authorization request saved at
 * sign-in), or lands on the account page.
 */
@Controller
class ProfilePageController {

	static final String VIEW = "profile";

	static final String PATH = "/profile";

	private final ProfileService profiles;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	ProfilePageController(ProfileService profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/profile/complete")
	String complete() {
		return "redirect:" + PATH;
	}

	@GetMapping(PATH)
	String show(@AuthenticationPrincipal AccountUser user, HttpServletRequest request, Model model) {
		CompleteProfile profile = this.profiles.read(self(user), user.id()).orElseThrow();
		render(model, profile.softwareBackground(), profile.hardwareBackground(), null, List.of(), request);
		model.addAttribute("profileComplete", profile.profileComplete());
		return VIEW;
	}

	@PostMapping(PATH)
	String save(@AuthenticationPrincipal AccountUser user, @RequestParam MultiValueMap<String, String> params,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		ProfileForm.Submitted submitted = ProfileForm.parse(params);
		List<FieldError> errors = new ArrayList<>(ProfileValidator.validate(submitted.update()));
		if (submitted.yearsError() != null) {
			errors.add(new FieldError("softwareBackground.yearsOfExperience", submitted.yearsError()));
		}
		if (errors.isEmpty()) {
			try {
				this.profiles.save(self(user), user.id(), submitted.update());
				return "redirect:" + continueUrl(request, response);
			}
			catch (InvalidProfileException ex) {
				errors = ex.errors();
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		render(model, submitted.update().softwareBackground(), submitted.update().hardwareBackground(),
				submitted.yearsRaw(), errors, request);
		model.addAttribute("profileComplete", false);
		return VIEW;
	}

	private void render(Model model, SoftwareBackground software, HardwareBackground hardware, String yearsRaw,
			List<FieldError> errors, HttpServletRequest request) {
		model.addAttribute("form", ProfileForm.view(software, hardware, yearsRaw, errors));
		model.addAttribute("missing", ProfileValidator.missingForCompletion(software, hardware));
		model.addAttribute("continuing", this.requestCache.getRequest(request, null) != null);
	}

	/** Where to go after saving: the saved OAuth request if any (consumed), else the account page. */
	private String continueUrl(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest saved = this.requestCache.getRequest(request, response);
		if (saved != null) {
			this.requestCache.removeRequest(request, response);
			return saved.getRedirectUrl();
		}
		return "/account?profileSaved";
	}

	private static Actor self(AccountUser user) {
		return new Actor(user.id(), false);
	}

}
