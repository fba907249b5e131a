package ai.physical.textbook.auth.web;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers unknown {@code /api/**} paths with a 404 problem (instead of the HTML error page), so JSON clients always
 * get JSON. More specific mappings win over this one.
 */
@RestController
class ApiFallbackController {

	@RequestMapping("/api/**")
	void unknown() {
		throw new NotFoundException("No such resource.", "NOT_FOUND");
	}

}
