package ai.physical.textbook.auth.profile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ai.physical.textbook.auth.audit.AuthzEvent;
import ai.physical.textbook.auth.web.ForbiddenException;
import ai.physical.textbook.auth.web.NotFoundException;
import tools.jackson.databind.JsonNode;

/**
 * The profile JSON API for bearer tokens.
 *
 * <ul>
 * <li>{@code GET /api/profile/{userId}}: policy {@code self_profile} (token subject = userId) or {@code admin}.</li>
 * <li>{@code PUT /api/profile/{userId}}: policy {@code self_profile}; the body is the original plan's
 * ProfileUpdateSchema; 400 lists every invalid field.</li>
 * </ul>
 * Every decision goes to {@code authz_logs}; the database work runs under row-level security as the token subject.
 */
@RestController
@RequestMapping("/api/profile")
class ProfileApiController {

	static final String SELF_PROFILE = "self_profile";

	static final String ADMIN = "admin";

	/** Stands for a token subject that is no user (a client); it matches no profile row. */
	static final UUID NOT_A_USER = new UUID(0, 0);

	private final ProfileService profiles;

	private final ApplicationEventPublisher events;

	ProfileApiController(ProfileService profiles, ApplicationEventPublisher events) {
		this.profiles = profiles;
		this.events = events;
	}

	@Operation(operationId = "getProfile", summary = "Read a complete profile (user, profile, both backgrounds)",
			description = "Policy: `self_profile` (token subject = userId) or `admin`. Cached in Redis for an hour.",
			security = @SecurityRequirement(name = "bearerAuth"))
	@ApiResponse(responseCode = "200", description = "The complete profile")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: userId is not a UUID", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "401", description = "AUTH_TOKEN_INVALID: missing, invalid, expired or revoked token",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "AUTH_INSUFFICIENT_PERMISSIONS: another user's profile, not admin",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "PROFILE_NOT_FOUND", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping("/{userId}")
	CompleteProfile get(@PathVariable UUID userId, @AuthenticationPrincipal Jwt jwt) {
		Actor actor = actor(jwt);
		boolean self = userId.equals(actor.userId());
		authorize(actor, userId, "read", self ? SELF_PROFILE : ADMIN, self || actor.admin());
		return this.profiles.read(actor, userId)
			.orElseThrow(() -> new NotFoundException("No profile for user " + userId + ".", "PROFILE_NOT_FOUND"));
	}

	@Operation(operationId = "updateProfile", summary = "Replace both backgrounds of a profile",
			description = "Policy: `self_profile`. Validated like the profile form; every invalid field is listed. "
					+ "Saved in one transaction; the cache is evicted and `profile.updated` is published.",
			security = @SecurityRequirement(name = "bearerAuth"),
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = ProfileUpdate.class))))
	@ApiResponse(responseCode = "200", description = "The saved complete profile")
	@ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: every invalid field, or a malformed body",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "401", description = "AUTH_TOKEN_INVALID: missing, invalid, expired or revoked token",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "AUTH_INSUFFICIENT_PERMISSIONS: another user's profile", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@PutMapping("/{userId}")
	CompleteProfile put(@PathVariable UUID userId, @RequestBody JsonNode body, @AuthenticationPrincipal Jwt jwt) {
		Actor actor = actor(jwt);
		authorize(actor, userId, "write", SELF_PROFILE, userId.equals(actor.userId()));
		ProfileUpdate update = ProfileJson.parse(body);
		return this.profiles.save(actor, userId, update);
	}

	private void authorize(Actor actor, UUID userId, String action, String policy, boolean granted) {
		UUID subject = NOT_A_USER.equals(actor.userId()) ? null : actor.userId();
		this.events.publishEvent(new AuthzEvent(subject, "/api/profile/" + userId, action, policy, granted,
				Instant.now()));
		if (!granted) {
			throw new ForbiddenException(policy);
		}
	}

	/** The token subject as actor; tokens whose subject is not a user (client credentials) match no profile. */
	private static Actor actor(Jwt jwt) {
		UUID subject;
		try {
			subject = UUID.fromString(jwt.getSubject());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			subject = NOT_A_USER;
		}
		List<String> roles = jwt.hasClaim("roles") ? jwt.getClaimAsStringList("roles") : List.of();
		return new Actor(subject, roles != null && roles.contains("admin"));
	}

}
