package ai.physical.textbook.api.demo;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import ai.physical.textbook.api.config.ResourceApiProperties;

/**
 * Tells the demo reader page where to sign in. The page is static, so the issuer and the client it signs in as come
 * from here rather than from a build step. The endpoints are the Spring authorization server's defaults under the
 * issuer, so the page needs no cross-origin call for discovery.
 */
@RestController
@Hidden
class DemoConfigController {

	private final Map<String, String> config;

	DemoConfigController(ResourceApiProperties properties) {
		String issuer = properties.issuer();
		this.config = Map.of("issuer", issuer, "clientId", properties.demo().clientId(), "scope",
				properties.demo().scope(), "authorizationEndpoint", issuer + "/oauth2/authorize", "tokenEndpoint",
				issuer + "/oauth2/token", "revocationEndpoint", issuer + "/oauth2/revoke", "endSessionEndpoint",
				issuer + "/connect/logout", "profilePage", issuer + "/profile");
	}

	@GetMapping(path = "/demo-config.json", produces = "application/json")
	ResponseEntity<Map<String, String>> config() {
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(this.config);
	}

}
