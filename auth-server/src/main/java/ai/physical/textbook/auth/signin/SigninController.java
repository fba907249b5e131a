package ai.physical.textbook.auth.signin;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ai.physical.textbook.auth.config.PagePaths;

/**
 * The sign-in page. The form posts to the same path, where Spring Security's form login takes over
 * ({@link SigninAuthenticationProvider}).
 */
@Controller
class SigninController {

	static final String VIEW = "signin";

	@GetMapping(PagePaths.SIGN_IN)
	String signin(@RequestParam Map<String, String> params, Model model) {
		// Only the presence of these flags is used: nothing from the query string is echoed into the page.
		model.addAttribute("failed", params.containsKey("error"));
		model.addAttribute("loggedOut", params.containsKey("logout"));
		model.addAttribute("signedOutEverywhere", params.containsKey("signedOutEverywhere"));
		model.addAttribute("expired", params.containsKey("expired"));
		return VIEW;
	}

}
