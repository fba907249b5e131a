package ai.physical.textbook.auth.device;

import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The device verification page (RFC 8628 {@code verification_uri}): the learner types the code shown by the robot,
 * Jetson or Raspberry Pi CLI; the form goes to the protocol endpoint, which asks for consent and then reports back
 * here with {@code ?success} or {@code ?error}.
 */
@Controller
class DeviceController {

	static final String VIEW = "device";

	private final AuthorizationServerSettings settings;

	DeviceController(AuthorizationServerSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/device")
	String device(Model model, @RequestParam(name = "user_code", required = false) String userCode) {
		model.addAttribute("userCode", userCode);
		model.addAttribute("action", this.settings.getDeviceVerificationEndpoint());
		return VIEW;
	}

}
