package ai.physical.textbook.auth.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import ai.physical.textbook.auth.account.AccountUser;
import ai.physical.textbook.auth.testing.AuthServerTest;
import ai.physical.textbook.auth.testing.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AuthServerTest
class ProfilePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProfileService profiles;

	@Test
	void whenSignedOutThenProfilePageSendsToSignin() throws Exception {
		this.mvc.perform(get("/profile")).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void whenProfileCompleteAliasOpenedThenRedirectedToProfile() throws Exception {
		AccountUser user = this.users.create("alias");
		this.mvc.perform(get("/profile/complete").with(user(user))).andExpect(redirectedUrl("/profile"));
	}

	@Test
	void whenNewUserOpensProfileThenPageSaysWhatIsMissingAndOffersTextbookChoices() throws Exception {
		AccountUser user = this.users.create("fresh");
		String html = page(get("/profile").with(user(user)), 200);
		assertThat(html).contains("Incomplete", "at least one programming language", "your software experience level",
				"at least one hardware platform", "your robotics experience", "your electronics knowledge");
		assertThat(html).contains("value=\"Python\"", "value=\"C++\"", "value=\"ROS 2\"", "value=\"Isaac Sim\"",
				"value=\"Gazebo\"", "value=\"NVIDIA Jetson\"", "value=\"Raspberry Pi\"", "value=\"Arduino\"");
		assertThat(html).contains("name=\"programmingLanguagesOther\"", "<legend>Programming languages</legend>");
	}

	@Test
	void whenNothingChosenThenEveryRequiredFieldIsExplainedAndNothingWritten() throws Exception {
		AccountUser user = this.users.create("empty");
		String html = page(save(user, new LinkedMultiValueMap<>()), 400);
		assertThat(html).contains("Choose at least one programming language.", "Choose your experience level.",
				"Choose at least one hardware platform.", "Choose your robotics experience.",
				"Choose your electronics knowledge.", "5 answers need your attention:");
		assertThat(html).contains(
				"aria-describedby=\"programmingLanguages-hint programmingLanguages-error\"",
				"id=\"programmingLanguages-error\"", "aria-describedby=\"experienceLevel-error\"");
		assertThat(this.jdbc.sql("SELECT profile_complete FROM identity.profiles WHERE user_id = :id")
			.param("id", user.id())
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void whenMoreThanTwentyLanguagesThenRejected() throws Exception {
		assertRejected("programmingLanguagesOther", many("Lang", 21), "Choose at most 20 programming languages");
	}

	@Test
	void whenMoreThanTwentyFrameworksThenRejected() throws Exception {
		assertRejected("frameworksOther", many("Framework", 21), "Choose at most 20 frameworks");
	}

	@Test
	void whenMoreThanTenSpecializationsThenRejected() throws Exception {
		assertRejected("specializationsOther", many("Topic", 11), "Choose at most 10 specializations");
	}

	@Test
	void whenMoreThanTenPlatformsThenRejected() throws Exception {
		assertRejected("familiarPlatformsOther", many("Board", 11), "Choose at most 10 hardware platforms");
	}

	@Test
	void whenMoreThanTenToolsThenRejected() throws Exception {
		assertRejected("preferredToolsOther", many("Tool", 11), "Choose at most 10 tools");
	}

	@Test
	void whenYearsAboveFiftyThenRejected() throws Exception {
		assertRejected("yearsOfExperience", "51", "Years of experience must be a whole number from 0 to 50.");
	}

	@Test
	void whenYearsNegativeThenRejected() throws Exception {
		assertRejected("yearsOfExperience", "-1", "Years of experience must be a whole number from 0 to 50.");
	}

	@Test
	void whenYearsNotANumberThenRejectedAndTypedValueKept() throws Exception {
		String html = assertRejected("yearsOfExperience", "ten", "Years of experience must be a whole number");
		assertThat(html).contains("value=\"ten\"");
	}

	@Test
	void whenExperienceLevelUnknownThenRejected() throws Exception {
		assertRejected("experienceLevel", "guru",
				"Experience level must be one of: beginner, intermediate, advanced, expert.");
	}

	@Test
	void whenRoboticsExperienceUnknownThenRejected() throws Exception {
		assertRejected("roboticsExperience", "wizard",
				"Robotics experience must be one of: none, hobbyist, professional.");
	}

	@Test
	void whenElectronicsKnowledgeUnknownThenRejected() throws Exception {
		assertRejected("electronicsKnowledge", "expert",
				"Electronics knowledge must be one of: none, basic, intermediate, advanced.");
	}

	@Test
	void whenAnEntryIsLongerThanOneHundredCharactersThenRejected() throws Exception {
		assertRejected("frameworksOther", "x".repeat(101), "Each entry must be at most 100 characters.");
	}

	@Test
	void whenRejectedThenChoicesAreKept() throws Exception {
		AccountUser user = this.users.create("kept");
		MultiValueMap<String, String> form = valid();
		form.set("yearsOfExperience", "99");
		String html = page(save(user, form), 400);
		assertThat(html).containsPattern("value=\"Python\"\\s+checked")
			.contains("value=\"Zig\"")
			.containsPattern("value=\"intermediate\"\\s+checked");
	}

	@Test
	void whenValidThenSavedAsOneProfileWithFreeEntriesAndDuplicatesMerged() throws Exception {
		AccountUser user = this.users.create("valid");
		this.mvc.perform(save(user, valid())).andExpect(redirectedUrl("/account?profileSaved"));
		CompleteProfile profile = this.profiles.findComplete(user.id()).orElseThrow();
		assertThat(profile.profileComplete()).isTrue();
		assertThat(profile.softwareBackground().programmingLanguages()).containsExactly("Python", "C++", "Zig");
		assertThat(profile.softwareBackground().frameworks()).containsExactly("ROS 2", "Isaac Sim");
		assertThat(profile.softwareBackground().experienceLevel()).isEqualTo("intermediate");
		assertThat(profile.softwareBackground().yearsOfExperience()).isEqualTo(4);
		assertThat(profile.hardwareBackground().familiarPlatforms()).containsExactly("NVIDIA Jetson", "Arduino");
		assertThat(profile.hardwareBackground().roboticsExperience()).isEqualTo("hobbyist");
		assertThat(profile.hardwareBackground().electronicsKnowledge()).isEqualTo("basic");
		assertThat(profile.hardwareBackground().preferredTools()).containsExactly("Gazebo");

		String html = page(get("/profile").with(user(user)), 200);
		assertThat(html).contains("Your profile is complete.").doesNotContain("To complete your profile, add:");
	}

	@Test
	void whenSavedThenEachTableChangeIsAuditedWithOldAndNewValues() throws Exception {
		AccountUser user = this.users.create("audit");
		this.mvc.perform(save(user, valid())).andExpect(status().is3xxRedirection());
		await().untilAsserted(() -> assertThat(this.jdbc.sql("""
				SELECT table_name || ':' || operation FROM identity.audit_logs WHERE user_id = :id ORDER BY table_name
				""").param("id", user.id()).query(String.class).list()).containsExactly("hardware_backgrounds:UPDATE",
				"profiles:UPDATE", "software_backgrounds:UPDATE"));
		assertThat(this.jdbc.sql("""
				SELECT (old_values->'programmingLanguages')::text || ' -> ' || (new_values->'programmingLanguages')::text
				FROM identity.audit_logs WHERE user_id = :id AND table_name = 'software_backgrounds'
				""").param("id", user.id()).query(String.class).single()).isEqualTo("[] -> [\"Python\", \"C++\", \"Zig\"]");
	}

	@Test
	void whenSavedAfterAnOAuthRequestThenContinuesToIt() throws Exception {
		AccountUser user = this.users.create("continue");
		// An anonymous visit to a protected page saves it, as the authorization endpoint's redirect to sign-in does.
		Cookie session = this.mvc.perform(get("/account"))
			.andExpect(redirectedUrl("/signin"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		this.mvc.perform(save(user, valid()).cookie(session)).andExpect(redirectedUrl("http://localhost/account?continue"));
	}

	private String assertRejected(String name, String value, String message) throws Exception {
		AccountUser user = this.users.create("rule");
		MultiValueMap<String, String> form = valid();
		form.set(name, value);
		String html = page(save(user, form), 400);
		assertThat(html).contains(message);
		CompleteProfile stored = this.profiles.findComplete(user.id()).orElseThrow();
		assertThat(stored.profileComplete()).as("nothing written").isFalse();
		assertThat(stored.softwareBackground().programmingLanguages()).isEmpty();
		return html;
	}

	private static String many(String prefix, int count) {
		return IntStream.rangeClosed(1, count).mapToObj((i) -> prefix + i).collect(Collectors.joining(", "));
	}

	static MultiValueMap<String, String> valid() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.put("programmingLanguages", new ArrayList<>(List.of("Python", "C++")));
		form.add("programmingLanguagesOther", "python, Zig");
		form.put("frameworks", new ArrayList<>(List.of("ROS 2", "Isaac Sim")));
		form.add("experienceLevel", "intermediate");
		form.add("yearsOfExperience", "4");
		form.put("familiarPlatforms", new ArrayList<>(List.of("NVIDIA Jetson", "Arduino")));
		form.add("roboticsExperience", "hobbyist");
		form.add("electronicsKnowledge", "basic");
		form.add("preferredToolsOther", "Gazebo");
		return form;
	}

	private MockHttpServletRequestBuilder save(AccountUser user, MultiValueMap<String, String> form) {
		return post("/profile").with(csrf()).with(user(user)).params(form);
	}

	private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
