package ai.physical.textbook.api.personalization;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import ai.physical.textbook.api.policy.Policy;
import ai.physical.textbook.api.problem.NotFoundException;

/**
 * The stored content preferences: a reader's own ({@code self_profile}) and anyone's for admins ({@code admin}).
 * Reads run under row-level security as the caller.
 */
@RestController
@Tag(name = "Preferences", description = "Stored content preferences")
class PreferencesController {

	private final PreferencesRepository preferences;

	PreferencesController(PreferencesRepository preferences) {
		this.preferences = preferences;
	}

	@GetMapping(path = "/api/users/{userId}/preferences", produces = "application/json")
	@Operation(operationId = "getOwnPreferences", summary = "Get your stored preferences",
			description = "The preferences stored by the last context build. The path's userId must be the token's "
					+ "subject.")
	StoredPreferences own(@Parameter(example = "3f0b8c52-8d6e-4c1e-9a51-0c2f5e7d9a10") @PathVariable UUID userId,
			@Parameter(hidden = true) @AuthenticationPrincipal Jwt token) {
		return find(userId, token);
	}

	@GetMapping(path = "/api/admin/users/{userId}/preferences", produces = "application/json")
	@Operation(operationId = "getUserPreferences", summary = "Get any user's stored preferences (admins)")
	StoredPreferences anyUser(@Parameter(example = "3f0b8c52-8d6e-4c1e-9a51-0c2f5e7d9a10") @PathVariable UUID userId,
			@Parameter(hidden = true) @AuthenticationPrincipal Jwt token) {
		return find(userId, token);
	}

	private StoredPreferences find(UUID userId, Jwt token) {
		return this.preferences.find(userId, UUID.fromString(token.getSubject()), Policy.isAdmin(token))
			.orElseThrow(() -> new NotFoundException(
					"No preferences stored for user " + userId + " yet; GET /api/personalization/context stores them"));
	}

}
