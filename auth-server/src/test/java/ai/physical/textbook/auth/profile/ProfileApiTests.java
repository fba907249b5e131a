package ai.physical.textbook.auth.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import ai.physical.textbook.auth.account.AccountUser;
import ai.physical.textbook.auth.testing.AuthServerTest;
import ai.physical.textbook.auth.testing.RecordedEvents;
import ai.physical.textbook.auth.testing.TestUsers;
import ai.physical.textbook.auth.testing.Tokens;
import ai.physical.textbook.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AuthServerTest
class ProfileApiTests {

	static final String VALID = """
			{"softwareBackground": {"programmingLanguages": ["Python", "C++"], "frameworks": ["ROS 2"],
			  "experienceLevel": "advanced", "specializations": ["Motion planning"], "yearsOfExperience": 7},
			 "hardwareBackground": {"familiarPlatforms": ["NVIDIA Jetson"], "roboticsExperience": "professional",
			  "electronicsKnowledge": "intermediate", "preferredTools": ["Isaac Sim"]}}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Tokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	RecordedEvents events;

	@Test
	void whenNoTokenThenUnauthorizedWithTheSeedBodyAsProblemDetail() throws Exception {
		UUID id = UUID.randomUUID();
		this.mvc.perform(get("/api/profile/" + id))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.title").value("Unauthorized"))
			.andExpect(jsonPath("$.error").value("Unauthorized"))
			.andExpect(jsonPath("$.message").value("Invalid or missing authentication token"))
			.andExpect(jsonPath("$.detail").value("Invalid or missing authentication token"))
			.andExpect(jsonPath("$.code").value("AUTH_TOKEN_INVALID"))
			.andExpect(jsonPath("$.instance").value("/api/profile/" + id));
	}

	@Test
	void whenTokenMalformedExpiredOrFromAnotherIssuerThenUnauthorized() throws Exception {
		AccountUser user = this.users.create("badtoken");
		String path = "/api/profile/" + user.id();
		List<String> badTokens = List.of("not-a-jwt",
				this.tokens.token(user.id().toString(), List.of("user"), this.tokens.issuer(),
						Instant.now().minusSeconds(3600)),
				this.tokens.token(user.id().toString(), List.of("user"), "https://evil.example",
						Instant.now().plusSeconds(600)));
		for (String token : badTokens) {
			this.mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")))
				.andExpect(jsonPath("$.code").value("AUTH_TOKEN_INVALID"));
		}
	}

	@Test
	void whenOwnProfileReadThenCompleteProfileReturned() throws Exception {
		AccountUser user = this.users.create("self");
		as(user, get("/api/profile/" + user.id())).andExpect(status().isOk())
			.andExpect(jsonPath("$.userId").value(user.id().toString()))
			.andExpect(jsonPath("$.email").value(user.email()))
			.andExpect(jsonPath("$.profileComplete").value(false))
			.andExpect(jsonPath("$.softwareBackground.programmingLanguages", hasSize(0)))
			.andExpect(jsonPath("$.hardwareBackground.familiarPlatforms", hasSize(0)));
	}

	@Test
	void whenAnotherUsersProfileReadThenForbiddenWithTheSeedBodyAndDecisionLogged() throws Exception {
		AccountUser reader = this.users.create("reader");
		AccountUser other = this.users.create("other");
		as(reader, get("/api/profile/" + other.id())).andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.error").value("Forbidden"))
			.andExpect(jsonPath("$.message").value("You do not have permission to access this resource"))
			.andExpect(jsonPath("$.code").value("AUTH_INSUFFICIENT_PERMISSIONS"))
			.andExpect(jsonPath("$.email").doesNotExist());
		await().untilAsserted(() -> assertThat(this.jdbc.sql("""
				SELECT action || ':' || policy || ':' || authorized FROM identity.authz_logs
				WHERE user_id = :id AND resource = :resource
				""").param("id", reader.id()).param("resource", "/api/profile/" + other.id()).query(String.class).list())
			.containsExactly("read:admin:false"));
	}

	@Test
	void whenAdminReadsAnotherProfileThenAllowedButMayNotChangeIt() throws Exception {
		AccountUser admin = this.users.createAdmin("admin");
		AccountUser other = this.users.create("member");
		as(admin, get("/api/profile/" + other.id())).andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(other.email()));
		as(admin, put("/api/profile/" + other.id()).contentType(MediaType.APPLICATION_JSON).content(VALID))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("AUTH_INSUFFICIENT_PERMISSIONS"));
		assertThat(profileComplete(other.id())).isFalse();
	}

	@Test
	void whenUserChangesAnotherProfileThenForbiddenAndNothingWritten() throws Exception {
		AccountUser attacker = this.users.create("attacker");
		AccountUser victim = this.users.create("target");
		as(attacker, put("/api/profile/" + victim.id()).contentType(MediaType.APPLICATION_JSON).content(VALID))
			.andExpect(status().isForbidden());
		assertThat(profileComplete(victim.id())).isFalse();
	}

	@Test
	void whenEveryFieldIsInvalidThenEveryFieldErrorIsListedAndNothingWritten() throws Exception {
		AccountUser user = this.users.create("invalid");
		String body = """
				{"softwareBackground": {"programmingLanguages": [], "frameworks": "ROS 2", "experienceLevel": "guru",
				  "specializations": ["a","b","c","d","e","f","g","h","i","j","k"], "yearsOfExperience": 2.5},
				 "hardwareBackground": {"familiarPlatforms": [], "roboticsExperience": null,
				  "electronicsKnowledge": "wizard", "preferredTools": [1, 2]}}
				""";
		as(user, put("/api/profile/" + user.id()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.errors", hasSize(9)))
			.andExpect(jsonPath("$.errors[*].field", hasItems("softwareBackground.programmingLanguages",
					"softwareBackground.frameworks", "softwareBackground.experienceLevel",
					"softwareBackground.specializations", "softwareBackground.yearsOfExperience",
					"hardwareBackground.familiarPlatforms", "hardwareBackground.roboticsExperience",
					"hardwareBackground.electronicsKnowledge", "hardwareBackground.preferredTools")))
			.andExpect(jsonPath("$.errors[?(@.field == 'softwareBackground.experienceLevel')].message")
				.value("Experience level must be one of: beginner, intermediate, advanced, expert."));
		assertThat(profileComplete(user.id())).isFalse();
	}

	@Test
	void whenBackgroundsMissingThenBothReported() throws Exception {
		AccountUser user = this.users.create("missing");
		as(user, put("/api/profile/" + user.id()).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItems("softwareBackground", "hardwareBackground")));
	}

	@Test
	void whenBodyIsNotJsonThenBadRequestProblem() throws Exception {
		AccountUser user = this.users.create("garbled");
		as(user, put("/api/profile/" + user.id()).contentType(MediaType.APPLICATION_JSON).content("{oops"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("MALFORMED_JSON"));
	}

	@Test
	void whenUserIdIsNotAUuidThenBadRequestProblem() throws Exception {
		AccountUser user = this.users.create("baduuid");
		as(user, get("/api/profile/not-a-uuid")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
	}

	@Test
	void whenUnknownApiPathThenNotFoundProblem() throws Exception {
		AccountUser user = this.users.create("unknownpath");
		as(user, get("/api/nothing-here")).andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("NOT_FOUND"));
	}

	@Test
	void whenProfileSavedThenEventsArePublishedOnRedisFirstCompletionOnlyOnce() throws Exception {
		AccountUser user = this.users.create("events");
		BlockingQueue<String> messages = new LinkedBlockingQueue<>();
		RedisClient client = RedisClient.create(TestInfrastructure.get().redis().url());
		try (StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub()) {
			connection.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void message(String channel, String message) {
					if (message.contains(user.id().toString())) {
						messages.add(channel + " " + message);
					}
				}
			});
			connection.sync().subscribe("profile.updated", "profile.completed");
			as(user, put("/api/profile/" + user.id()).contentType(MediaType.APPLICATION_JSON).content(VALID))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.profileComplete").value(true))
				.andExpect(jsonPath("$.softwareBackground.experienceLevel").value("advanced"));
			List<String> first = List.of(poll(messages), poll(messages));
			assertThat(first).anySatisfy((m) -> assertThat(m).startsWith("profile.updated {\"userId\":\"" + user.id()
					+ "\",\"profileComplete\":true,\"occurredAt\":\""));
			assertThat(first).anySatisfy((m) -> assertThat(m).startsWith("profile.completed {\"userId\":\""));

			as(user, put("/api/profile/" + user.id()).contentType(MediaType.APPLICATION_JSON)
				.content(VALID.replace("advanced", "expert"))).andExpect(status().isOk());
			assertThat(poll(messages)).startsWith("profile.updated ");
			assertThat(messages.poll(300, TimeUnit.MILLISECONDS)).as("no second completion").isNull();
		}
		finally {
			client.shutdown();
		}
		assertThat(this.events.of(ProfileChanged.class)).filteredOn((e) -> e.userId().equals(user.id()))
			.containsExactly(new ProfileChanged(user.id(), true, true), new ProfileChanged(user.id(), true, false));
	}

	@Test
	void whenProfileReadTwiceThenSecondComesFromCacheUntilAChangeInvalidatesIt() throws Exception {
		AccountUser user = this.users.create("cache");
		String key = ProfileCache.key(user.id());
		as(user, get("/api/profile/" + user.id())).andExpect(jsonPath("$.name").value("Test Reader"));
		assertThat(this.redis.hasKey(key)).isTrue();
		assertThat(this.redis.getExpire(key, TimeUnit.SECONDS)).isBetween(3500L, 3600L);

		// Changed behind the cache's back: a cache hit still shows the old name.
		this.jdbc.sql("UPDATE identity.users SET name = 'Renamed' WHERE id = :id").param("id", user.id()).update();
		as(user, get("/api/profile/" + user.id())).andExpect(jsonPath("$.name").value("Test Reader"));

		as(user, put("/api/profile/" + user.id()).contentType(MediaType.APPLICATION_JSON).content(VALID))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Renamed"));
		assertThat(this.redis.hasKey(key)).as("evicted on change").isFalse();
		as(user, get("/api/profile/" + user.id())).andExpect(jsonPath("$.name").value("Renamed"))
			.andExpect(jsonPath("$.profileComplete").value(true));
	}

	@Test
	void whenRedisIsDownThenProfileIsStillReadAndSaved() throws Exception {
		AccountUser user = this.users.create("noredis");
		String token = this.tokens.accessToken(user);
		TestInfrastructure.get().stopRedis();
		try {
			this.mvc.perform(get("/api/profile/" + user.id()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.email").value(user.email()));
			this.mvc.perform(put("/api/profile/" + user.id()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(VALID)).andExpect(status().isOk());
		}
		finally {
			TestInfrastructure.get().startRedis();
		}
		assertThat(profileComplete(user.id())).isTrue();
	}

	private static String poll(BlockingQueue<String> messages) throws InterruptedException {
		String message = messages.poll(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
		assertThat(message).as("a message on Redis").isNotNull();
		return message;
	}

	private boolean profileComplete(UUID userId) {
		return this.jdbc.sql("SELECT profile_complete FROM identity.profiles WHERE user_id = :id")
			.param("id", userId)
			.query(Boolean.class)
			.single();
	}

	private ResultActions as(AccountUser user,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.accessToken(user)));
	}

}
