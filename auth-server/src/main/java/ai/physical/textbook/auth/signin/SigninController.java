package ai.physical.textbook.auth.signin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import ai.physical.textbook.auth.config.PagePaths;

/**
 * The sign-in page. The form posts to the same path, where Spring Security's form login takes over.
 */
@Controller
class SigninController {

	static final String VIEW = "signin";

	@GetMapping(PagePaths.SIGN_IN)
	String signin() {
		return VIEW;
	}

}
