package ai.physical.textbook.api.personalization;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import ai.physical.textbook.api.testing.ResourceApiIntegrationTest;
import ai.physical.textbook.api.testing.TestIssuer;
import ai.physical.textbook.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The personalization endpoints end to end: context building, the Redis cache (hit, miss, stale claims, profile
 * events, Redis down), stored preferences and the policies that guard them.
 */
class PersonalizationFlowTests extends ResourceApiIntegrationTest {

	private static final String CONTEXT = "/api/personalization/context";

	private static final String REFRESH = "/api/personalization/refresh";

	private static final Map<String, Object> BEGINNER_SOFTWARE = TestIssuer.software(List.of("Python"), List.of(),
			"beginner", List.of(), 1);

	private static final Map<String, Object> BEGINNER_HARDWARE = TestIssuer.hardware(List.of("Raspberry Pi 4"),
			"none", "basic", List.of());

	@Autowired
	StringRedisTemplate redis;

	private String readerToken(UUID userId, Map<String, Object> software, Map<String, Object> hardware) {
		return issuer.sign(issuer.readerClaims(userId, software, hardware).build());
	}

	@Test
	void whenContextRequestedTwiceThenBuiltOnceAndServedFromCache() {
		UUID userId = newUser();
		String token = readerToken(userId, BEGINNER_SOFTWARE, BEGINNER_HARDWARE);

		HttpResponse<String> first = get(CONTEXT, token);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(first.headers().firstValue("X-Personalization-Cache")).hasValue("MISS");
		JsonNode context = body(first);
		assertThat(context.path("userId").asString()).isEqualTo(userId.toString());
		assertThat(context.path("learningPath").path("currentLevel").asString()).isEqualTo("beginner");
		assertThat(context.path("learningPath").path("nextTopics").size()).isBetween(3, 5);
		assertThat(context.path("uiAdaptations").path("codeLanguage").asString()).isEqualTo("Python");
		assertThat(context.path("uiAdaptations").path("preferredPlatform").asString()).isEqualTo("Raspberry Pi");
		assertThat(context.path("recommendations").path("chapters").size()).isEqualTo(5);
		assertThat(context.path("recommendations").path("projects").size()).isEqualTo(5);
		assertThat(this.redis.getExpire("textbook:context:" + userId)).isBetween(3500L, 3600L);

		HttpResponse<String> second = get(CONTEXT, token);
		assertThat(second.headers().firstValue("X-Personalization-Cache")).hasValue("HIT");
		assertThat(body(second).path("generatedAt").asString()).isEqualTo(context.path("generatedAt").asString());
	}

	@Test
	void whenTokenCarriesChangedProfileThenCachedContextIsStaleAndRebuilt() {
		UUID userId = newUser();
		get(CONTEXT, readerToken(userId, BEGINNER_SOFTWARE, BEGINNER_HARDWARE));

		String changed = readerToken(userId,
				TestIssuer.software(List.of("C++", "Python"), List.of("ROS 2"), "advanced", List.of(), 6),
				TestIssuer.hardware(List.of("NVIDIA Jetson Orin"), "professional", "advanced", List.of()));
		HttpResponse<String> response = get(CONTEXT, changed);

		assertThat(response.headers().firstValue("X-Personalization-Cache")).hasValue("STALE");
		assertThat(body(response).path("uiAdaptations").path("codeLanguage").asString()).isEqualTo("C++");
		assertThat(get(CONTEXT, changed).headers().firstValue("X-Personalization-Cache")).hasValue("HIT");
	}

	@Test
	void whenProfileUpdatedEventPublishedThenCachedContextIsDropped() {
		UUID userId = newUser();
		String token = readerToken(userId, BEGINNER_SOFTWARE, BEGINNER_HARDWARE);
		get(CONTEXT, token);
		assertThat(this.redis.hasKey("textbook:context:" + userId)).isTrue();

		String event = "{\"userId\":\"" + userId + "\",\"profileComplete\":true,\"occurredAt\":\"2026-11-25T02:00:00Z\"}";
		// PUBLISH answers how many subscribers got the message: retry until the application's subscription has it.
		Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> this.redis.convertAndSend("profile.updated", event), (receivers) -> receivers != null
					&& receivers > 0);

		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> !Boolean.TRUE.equals(this.redis.hasKey("textbook:context:" + userId)));
		assertThat(get(CONTEXT, token).headers().firstValue("X-Personalization-Cache")).hasValue("MISS");
	}

	@Test
	void whenRefreshPostedThenContextRebuiltAndPreferencesStored() {
		UUID userId = newUser();
		String token = readerToken(userId, BEGINNER_SOFTWARE, BEGINNER_HARDWARE);
		String cachedAt = body(get(CONTEXT, token)).path("generatedAt").asString();

		HttpResponse<String> refreshed = post(REFRESH, token);

		assertThat(refreshed.statusCode()).isEqualTo(200);
		assertThat(refreshed.headers().firstValue("X-Personalization-Cache")).hasValue("REFRESHED");
		assertThat(body(refreshed).path("generatedAt").asString()).isNotEqualTo(cachedAt);
		HttpResponse<String> stored = get("/api/users/" + userId + "/preferences", token);
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
		assertThat(body(stored).path("difficultySetting").asString()).isEqualTo("beginner");
		assertThat(body(stored).path("preferredPlatforms").get(0).asString()).isEqualTo("raspberry-pi");
		assertThat(this.jdbc.queryForObject(
				"SELECT difficulty_setting FROM personalization.user_preferences WHERE user_id = :id",
				Map.of("id", userId), String.class)).isEqualTo("beginner");
	}

	@Test
	void whenContextRebuiltWithUnchangedPreferencesThenStoredRowIsNeitherRewrittenNorLocked() {
		UUID userId = newUser();
		String token = readerToken(userId, BEGINNER_SOFTWARE, BEGINNER_HARDWARE);
		assertThat(get(CONTEXT, token).headers().firstValue("X-Personalization-Cache")).hasValue("MISS");
		RowVersion stored = rowVersion(userId);

		// Cache hits, then rebuilds of the same claims: a dropped cache entry (MISS) and an explicit refresh.
		for (int i = 0; i < 3; i++) {
			assertThat(get(CONTEXT, token).headers().firstValue("X-Personalization-Cache")).hasValue("HIT");
		}
		this.redis.delete("textbook:context:" + userId);
		assertThat(get(CONTEXT, token).headers().firstValue("X-Personalization-Cache")).hasValue("MISS");
		assertThat(post(REFRESH, token).statusCode()).isEqualTo(200);

		// xmin changes with every new row version (an UPDATE), xmax is set by a row lock (ON CONFLICT DO UPDATE
		// locks the row even when its WHERE skips the update): neither happened.
		assertThat(rowVersion(userId)).isEqualTo(stored);
		assertThat(stored.xmax()).isEqualTo("0");
	}

	@Test
	void whenContextRebuiltWithChangedPreferencesThenStoredRowIsUpdated() {
		UUID userId = newUser();
		get(CONTEXT, readerToken(userId, BEGINNER_SOFTWARE, BEGINNER_HARDWARE));
		RowVersion before = rowVersion(userId);

		String advanced = readerToken(userId,
				TestIssuer.software(List.of("C++"), List.of("ROS 2"), "advanced", List.of(), 6),
				TestIssuer.hardware(List.of("NVIDIA Jetson Orin"), "professional", "advanced", List.of()));
		HttpResponse<String> rebuilt = get(CONTEXT, advanced);
		assertThat(rebuilt.headers().firstValue("X-Personalization-Cache")).hasValue("STALE");
		String difficulty = body(rebuilt).path("contentPreferences").path("difficultySetting").asString();

		RowVersion after = rowVersion(userId);
		assertThat(after.xmin()).isNotEqualTo(before.xmin());
		assertThat(after.updatedAt()).isAfter(before.updatedAt());
		assertThat(difficulty).isNotEqualTo("beginner");
		assertThat(this.jdbc.queryForObject(
				"SELECT difficulty_setting FROM personalization.user_preferences WHERE user_id = :id",
				Map.of("id", userId), String.class)).isEqualTo(difficulty);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM personalization.user_preferences WHERE user_id = :id", Map.of("id", userId),
				Integer.class)).isOne();
	}

	@Test
	void whenRedisIsDownThenRebuildsWithUnchangedPreferencesWriteNothing() {
		UUID userId = newUser();
		String token = readerToken(userId, BEGINNER_SOFTWARE, BEGINNER_HARDWARE);
		get(CONTEXT, token);
		RowVersion stored = rowVersion(userId);
		TestInfrastructure.get().stopRedis();

		for (int i = 0; i < 3; i++) {
			HttpResponse<String> response = get(CONTEXT, token);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.headers().firstValue("X-Personalization-Cache")).hasValue("UNAVAILABLE");
		}

		assertThat(rowVersion(userId)).isEqualTo(stored);
	}

	/** PostgreSQL's version of the stored row: what any write (xmin) or row lock (xmax) would change. */
	private RowVersion rowVersion(UUID userId) {
		return this.jdbc.queryForObject("""
				SELECT xmin::text AS xmin, xmax::text AS xmax, updated_at
				FROM personalization.user_preferences WHERE user_id = :id
				""", Map.of("id", userId), (rs, row) -> new RowVersion(rs.getString("xmin"), rs.getString("xmax"),
				rs.getTimestamp("updated_at").toInstant()));
	}

	private record RowVersion(String xmin, String xmax, java.time.Instant updatedAt) {
	}

	@Test
	void whenRedisIsDownThenContextIsComputedNotCached() {
		UUID userId = newUser();
		String token = readerToken(userId, BEGINNER_SOFTWARE, BEGINNER_HARDWARE);
		TestInfrastructure.get().stopRedis();

		HttpResponse<String> response = get(CONTEXT, token);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Personalization-Cache")).hasValue("UNAVAILABLE");
		assertThat(body(response).path("recommendations").path("chapters").size()).isEqualTo(5);
	}

	@Test
	void whenProfileIncompleteThenForbiddenWithRedirectToProfilePage() {
		String token = issuer.sign(issuer.userClaims(newUser()).claim("profileComplete", false).build());

		HttpResponse<String> response = get(CONTEXT, token);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = body(response);
		assertThat(problem.path("code").asString()).isEqualTo("AUTH_PROFILE_INCOMPLETE");
		assertThat(problem.path("error").asString()).isEqualTo("Forbidden");
		assertThat(problem.path("message").asString())
			.isEqualTo("Please complete your profile to access personalized content");
		assertThat(problem.path("redirectTo").asString()).isEqualTo(issuer.issuer() + "/profile");
		assertThat(post(REFRESH, token).statusCode()).isEqualTo(403);
	}

	@Test
	void whenOtherUsersPreferencesRequestedThenForbiddenUnlessAdmin() {
		UUID owner = newUser();
		String ownerToken = readerToken(owner, BEGINNER_SOFTWARE, BEGINNER_HARDWARE);
		get(CONTEXT, ownerToken);
		String otherToken = readerToken(newUser(), BEGINNER_SOFTWARE, BEGINNER_HARDWARE);

		HttpResponse<String> denied = get("/api/users/" + owner + "/preferences", otherToken);
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(body(denied).path("code").asString()).isEqualTo("AUTH_INSUFFICIENT_PERMISSIONS");
		assertThat(get("/api/admin/users/" + owner + "/preferences", otherToken).statusCode()).isEqualTo(403);

		String adminToken = issuer.sign(issuer.userClaims(newUser()).claim("roles", List.of("user", "admin")).build());
		HttpResponse<String> asAdmin = get("/api/admin/users/" + owner + "/preferences", adminToken);
		assertThat(asAdmin.statusCode()).as(asAdmin.body()).isEqualTo(200);
		assertThat(body(asAdmin).path("userId").asString()).isEqualTo(owner.toString());
	}

	@Test
	void whenUserIdIsNotAUuidOrHasNoPreferencesThenClearProblem() {
		UUID userId = newUser();
		String token = readerToken(userId, BEGINNER_SOFTWARE, BEGINNER_HARDWARE);
		String adminToken = issuer.sign(issuer.userClaims(newUser()).claim("roles", List.of("user", "admin")).build());

		HttpResponse<String> notFound = get("/api/users/" + userId + "/preferences", token);
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(body(notFound).path("code").asString()).isEqualTo("NOT_FOUND");

		HttpResponse<String> malformed = get("/api/admin/users/me/preferences", adminToken);
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(body(malformed).path("code").asString()).isEqualTo("VALIDATION_FAILED");
		assertThat(body(malformed).path("field").asString()).isEqualTo("userId");
	}

	@Test
	void whenClientCredentialsTokenAsksForPersonalizationThenInsufficientPermissions() {
		String clientToken = issuer.sign(issuer.userClaims(newUser())
			.subject("textbook-tutor")
			.claim("email", null)
			.claim("name", null)
			.claim("roles", null)
			.build());

		HttpResponse<String> response = get(CONTEXT, clientToken);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(body(response).path("code").asString()).isEqualTo("AUTH_INSUFFICIENT_PERMISSIONS");
		assertThat(body(response).has("redirectTo")).isFalse();
	}

}
