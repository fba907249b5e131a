package ai.physical.textbook.api.policy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import ai.physical.textbook.api.catalog.Chapter;
import ai.physical.textbook.api.catalog.ContentCatalog;
import ai.physical.textbook.api.catalog.Difficulty;
import ai.physical.textbook.api.catalog.Project;
import ai.physical.textbook.api.config.ResourceApiProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The security layer alone (MVC slice with the catalog controller): each policy's decision and the exact error bodies,
 * with tokens injected by {@code jwt()}. Token validation itself is covered by the full tests.
 */
// The catalog controller is package-private, hence the filter by name; its exception handler comes along.
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { ".*\\.CatalogController", ".*\\.ApiExceptionHandler" }))
@Import({ ApiSecurityConfig.class, PolicySliceTests.Fixtures.class })
@TestPropertySource(properties = { "textbook.issuer=https://auth.textbook.test",
		"spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://auth.textbook.test/oauth2/jwks" })
class PolicySliceTests {

	private static final String USER = "3f0b8c52-8d6e-4c1e-9a51-0c2f5e7d9a10";

	@Autowired
	MockMvc mvc;

	@Autowired
	RecordingDecisionLog decisions;

	@BeforeEach
	void clear() {
		this.decisions.entries.clear();
	}

	@Test
	void whenNoTokenThenUnauthorizedWithSeedBody() throws Exception {
		this.mvc.perform(get("/api/catalog/chapters"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
			.andExpect(jsonPath("$.type").value("about:blank"))
			.andExpect(jsonPath("$.title").value("Unauthorized"))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.instance").value("/api/catalog/chapters"))
			.andExpect(jsonPath("$.error").value("Unauthorized"))
			.andExpect(jsonPath("$.message").value("Invalid or missing authentication token"))
			.andExpect(jsonPath("$.detail").value("Invalid or missing authentication token"))
			.andExpect(jsonPath("$.code").value("AUTH_TOKEN_INVALID"))
			.andExpect(jsonPath("$.redirectTo").doesNotExist());
		assertThat(this.decisions.entries).singleElement()
			.satisfies((entry) -> assertThat(entry.policy()).isEqualTo("authenticated"))
			.satisfies((entry) -> assertThat(entry.authorized()).isFalse());
	}

	@Test
	void whenAuthenticatedPolicyAndTokenThenAllowed() throws Exception {
		this.mvc.perform(get("/api/catalog/chapters").with(jwt().jwt((token) -> token.subject(USER))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].slug").value("what-is-physical-ai"));
		assertThat(this.decisions.entries).singleElement().satisfies((entry) -> {
			assertThat(entry.userId()).isEqualTo(UUID.fromString(USER));
			assertThat(entry.policy()).isEqualTo("authenticated");
			assertThat(entry.authorized()).isTrue();
			assertThat(entry.action()).isEqualTo("GET");
		});
	}

	@Test
	void whenProfileIncompleteThenForbiddenWithRedirectToIssuersProfilePage() throws Exception {
		this.mvc.perform(get("/api/personalization/context")
			.with(jwt().jwt((token) -> token.subject(USER).claim("profileComplete", false))))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Forbidden"))
			.andExpect(jsonPath("$.error").value("Forbidden"))
			.andExpect(jsonPath("$.message").value("Please complete your profile to access personalized content"))
			.andExpect(jsonPath("$.code").value("AUTH_PROFILE_INCOMPLETE"))
			.andExpect(jsonPath("$.redirectTo").value("https://auth.textbook.test/profile"));
		assertThat(this.decisions.entries).singleElement().satisfies((entry) -> {
			assertThat(entry.policy()).isEqualTo("personalized_content");
			assertThat(entry.code()).isEqualTo("AUTH_PROFILE_INCOMPLETE");
		});
	}

	@Test
	void whenSelfProfileForAnotherUserThenForbiddenWithInsufficientPermissions() throws Exception {
		this.mvc.perform(get("/api/users/" + UUID.randomUUID() + "/preferences")
			.with(jwt().jwt((token) -> token.subject(USER))))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.error").value("Forbidden"))
			.andExpect(jsonPath("$.message").value("You do not have permission to access this resource"))
			.andExpect(jsonPath("$.code").value("AUTH_INSUFFICIENT_PERMISSIONS"))
			.andExpect(jsonPath("$.redirectTo").doesNotExist());
		assertThat(this.decisions.entries).singleElement()
			.satisfies((entry) -> assertThat(entry.policy()).isEqualTo("self_profile"));
	}

	@Test
	void whenAdminPolicyWithoutAdminRoleThenForbidden() throws Exception {
		this.mvc.perform(get("/api/admin/users/" + USER + "/preferences")
			.with(jwt().jwt((token) -> token.subject(USER).claim("roles", List.of("user")))))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("AUTH_INSUFFICIENT_PERMISSIONS"));
		assertThat(this.decisions.entries).singleElement()
			.satisfies((entry) -> assertThat(entry.policy()).isEqualTo("admin"));
	}

	@Test
	void whenUnknownChapterThenNotFoundProblem() throws Exception {
		this.mvc.perform(get("/api/catalog/chapters/nope").with(jwt()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("NOT_FOUND"))
			.andExpect(jsonPath("$.detail").value("No chapter 'nope'"));
	}

	/** Captures decisions in memory, to check what the policies record. */
	static final class RecordingDecisionLog implements AuthorizationDecisionLog {

		final List<AuthorizationLogEntry> entries = new CopyOnWriteArrayList<>();

		@Override
		public void record(AuthorizationLogEntry decision) {
			this.entries.add(decision);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ResourceApiProperties.class)
	static class Fixtures {

		@Bean
		RecordingDecisionLog recordingDecisionLog() {
			return new RecordingDecisionLog();
		}

		/** A one-chapter catalog: another implementation of the interface, as a different content source would be. */
		@Bean
		ContentCatalog fixedCatalog() {
			Chapter chapter = new Chapter("what-is-physical-ai", 1, "Foundations", "What Is Physical AI?", "Summary",
					Difficulty.BEGINNER, List.of("foundations"), List.of(), List.of(), List.of(), List.of(), 30);
			return new ContentCatalog() {

				@Override
				public List<Chapter> chapters() {
					return List.of(chapter);
				}

				@Override
				public List<Project> projects() {
					return List.of();
				}

			};
		}

	}

}
