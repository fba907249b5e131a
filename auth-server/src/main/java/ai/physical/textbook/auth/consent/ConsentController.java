package ai.physical.textbook.auth.consent;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The consent page the authorization server redirects to when a client needs the user's approval (authorization
 * code and device flows). The form posts back to the protocol endpoint, which validates {@code state} against the
 * pending authorization of the signed-in user.
 */
@Controller
class ConsentController {

	static final String VIEW = "consent";

	private static final Map<String, String> DESCRIPTIONS = Map.of(OidcScopes.PROFILE,
			"Your name, roles and your software and hardware background, to personalize the textbook",
			OidcScopes.EMAIL, "Your email address", "textbook.api", "Use the textbook API on your behalf");

	private final RegisteredClientRepository clients;

	private final OAuth2AuthorizationConsentService consents;

	private final AuthorizationServerSettings settings;

	ConsentController(RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents,
			AuthorizationServerSettings settings) {
		this.clients = clients;
		this.consents = consents;
		this.settings = settings;
	}

	@GetMapping("/consent")
	String consent(Principal principal, Model model,
			@RequestParam(OAuth2ParameterNames.CLIENT_ID) String clientId,
			@RequestParam(name = OAuth2ParameterNames.SCOPE, defaultValue = "") String scope,
			@RequestParam(OAuth2ParameterNames.STATE) String state,
			@RequestParam(name = OAuth2ParameterNames.USER_CODE, required = false) String userCode) {
		RegisteredClient client = this.clients.findByClientId(clientId);
		if (client == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown client_id");
		}
		OAuth2AuthorizationConsent previous = this.consents.findById(client.getId(), principal.getName());
		Set<String> approved = new LinkedHashSet<>();
		if (previous != null) {
			previous.getAuthorities().stream().map(GrantedAuthority::getAuthority).forEach(approved::add);
		}
		List<ScopeView> toApprove = new ArrayList<>();
		List<ScopeView> alreadyApproved = new ArrayList<>();
		for (String requested : new LinkedHashSet<>(Arrays.asList(scope.split(" ")))) {
			if (requested.isBlank() || OidcScopes.OPENID.equals(requested)) {
				continue; // openid needs no consent: it only says "this is an OpenID Connect request"
			}
			ScopeView view = new ScopeView(requested, DESCRIPTIONS.getOrDefault(requested, requested));
			(approved.contains(requested) ? alreadyApproved : toApprove).add(view);
		}
		model.addAttribute("clientName", client.getClientName());
		model.addAttribute("clientId", clientId);
		model.addAttribute("state", state);
		model.addAttribute("userCode", userCode);
		model.addAttribute("scopes", toApprove);
		model.addAttribute("previouslyApprovedScopes", alreadyApproved);
		model.addAttribute("action", (userCode != null) ? this.settings.getDeviceVerificationEndpoint()
				: this.settings.getAuthorizationEndpoint());
		return VIEW;
	}

	/**
	 * A scope as shown to the user.
	 *
	 * @param scope the scope value
	 * @param description what it allows, in words
	 */
	record ScopeView(String scope, String description) {

	}

}
