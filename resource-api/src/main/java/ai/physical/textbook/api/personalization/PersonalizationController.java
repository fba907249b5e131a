package ai.physical.textbook.api.personalization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed P4-T10: the reader's personalization context. Both endpoints require the {@code personalized_content}
 * policy (a complete profile).
 */
@RestController
@RequestMapping(path = "/api/personalization", produces = "application/json")
@Tag(name = "Personalization", description = "Learning path, preferences, UI adaptations and recommendations")
class PersonalizationController {

	/** Response header telling how the context was obtained. */
	static final String CACHE_HEADER = "X-Personalization-Cache";

	private final PersonalizationService personalization;

	PersonalizationController(PersonalizationService personalization) {
		this.personalization = personalization;
	}

	@GetMapping("/context")
	@Operation(operationId = "getContext", summary = "Get the reader's personalization context",
			description = "Served from the cache (1 h) when it was built from the same profile claims as the token's; "
					+ "otherwise built, cached and the content preferences stored.")
	@ApiResponse(responseCode = "200", description = "The context",
			headers = @Header(name = CACHE_HEADER, description = "HIT, MISS, STALE (profile changed) or UNAVAILABLE "
					+ "(Redis down: built, not cached)", schema = @Schema(type = "string",
							allowableValues = { "HIT", "MISS", "STALE", "UNAVAILABLE" })))
	ResponseEntity<PersonalizationContext> context(@Parameter(hidden = true) @AuthenticationPrincipal Jwt token) {
		return respond(this.personalization.context(token));
	}

	@PostMapping("/refresh")
	@Operation(operationId = "refreshContext", summary = "Rebuild the reader's personalization context",
			description = "Drops the cached context, rebuilds it from the token's claims, stores the preferences and "
					+ "caches the result.")
	@ApiResponse(responseCode = "200", description = "The rebuilt context",
			headers = @Header(name = CACHE_HEADER, description = "REFRESHED",
					schema = @Schema(type = "string", allowableValues = { "REFRESHED" })))
	ResponseEntity<PersonalizationContext> refresh(@Parameter(hidden = true) @AuthenticationPrincipal Jwt token) {
		return respond(this.personalization.refresh(token));
	}

	private static ResponseEntity<PersonalizationContext> respond(PersonalizationService.Result result) {
		return ResponseEntity.ok().header(CACHE_HEADER, result.cacheStatus().name()).body(result.context());
	}

}
