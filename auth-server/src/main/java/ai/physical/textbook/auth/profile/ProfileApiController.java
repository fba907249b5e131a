package ai.physical.textbook.auth.profile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
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

	@GetMapping("/{userId}")
	CompleteProfile get(@PathVariable UUID userId, @AuthenticationPrincipal Jwt jwt) {
		Actor actor = actor(jwt);
		boolean self = userId.equals(actor.userId());
		authorize(actor, userId, "read", self ? SELF_PROFILE : ADMIN, self || actor.admin());
		return this.profiles.read(actor, userId)
			.orElseThrow(() -> new NotFoundException("No profile for user " + userId + ".", "PROFILE_NOT_FOUND"));
	}

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
