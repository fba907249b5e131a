package ai.physical.textbook.auth.signup;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import ai.physical.textbook.auth.account.AccountUser;
import ai.physical.textbook.auth.testing.AuthServerTest;
import ai.physical.textbook.auth.testing.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AuthServerTest
class SignupPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	@Test
	void whenSignupPageOpenedThenEveryFieldHasALabel() throws Exception {
		String html = this.mvc.perform(get("/signup")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		for (String field : List.of("email", "name", "password", "confirmPassword")) {
			assertThat(html).contains("<label for=\"" + field + "\"").contains("id=\"" + field + "\"");
		}
		assertThat(html).contains("name=\"_csrf\"");
	}

	@Test
	void whenValidSignupThenUserIsCreatedSignedInAndSentToProfile() throws Exception {
		String email = TestUsers.uniqueEmail("new");
		MvcResult result = this.mvc.perform(signup(email.toUpperCase(), "Ada Lovelace", "Analytical-Engine-1843"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/profile"))
			.andReturn();
		Cookie session = result.getResponse().getCookie("SESSION");
		assertThat(session).as("session cookie").isNotNull();
		assertThat(session.isHttpOnly()).isTrue();
		this.mvc.perform(get("/profile").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Your background")));

		UUID id = this.jdbc.sql("SELECT id FROM identity.users WHERE email = :email")
			.param("email", email)
			.query(UUID.class)
			.single();
		Map<String, ? extends Session> sessions = this.sessions.findByPrincipalName(id.toString());
		assertThat(sessions).hasSize(1);
		SecurityContext context = sessions.values().iterator().next()
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		AccountUser principal = (AccountUser) context.getAuthentication().getPrincipal();
		assertThat(principal.email()).isEqualTo(email);
		assertThat(principal.getPassword()).as("no hash in the session").isNull();

		String hash = this.jdbc.sql("SELECT password_hash FROM identity.users WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{argon2id}$argon2id$v=19$m=7168,t=5,p=1$");
		Integer profileRows = this.jdbc.sql("""
				SELECT count(*) FROM identity.profiles p
				JOIN identity.software_backgrounds s ON s.profile_id = p.id
				JOIN identity.hardware_backgrounds h ON h.profile_id = p.id
				WHERE p.user_id = :id AND NOT p.profile_complete
				""").param("id", id).query(Integer.class).single();
		assertThat(profileRows).isEqualTo(1);
	}

	@Test
	void whenPasswordTooShortThenRuleExplainedBesideTheField() throws Exception {
		assertPasswordRejected("Ab1", "Use at least 8 characters.");
	}

	@Test
	void whenPasswordLongerThan128ThenRejected() throws Exception {
		assertPasswordRejected("Aa1" + "x".repeat(126), "Use at most 128 characters.");
	}

	@Test
	void whenPasswordOf128CharactersThenAccepted() throws Exception {
		this.mvc.perform(signup(TestUsers.uniqueEmail("long"), "Long", "Aa1" + "x".repeat(125)))
			.andExpect(redirectedUrl("/profile"));
	}

	@Test
	void whenPasswordHasNoUppercaseThenRejected() throws Exception {
		assertPasswordRejected("lowercase-only-42", "Add an uppercase letter (A–Z).");
	}

	@Test
	void whenPasswordHasNoLowercaseThenRejected() throws Exception {
		assertPasswordRejected("UPPERCASE-ONLY-42", "Add a lowercase letter (a–z).");
	}

	@Test
	void whenPasswordHasNoDigitThenRejected() throws Exception {
		assertPasswordRejected("No-Digits-Here", "Add a digit (0–9).");
	}

	@Test
	void whenPasswordIsCommonThenRejectedEvenWithRequiredCharacters() throws Exception {
		// "password1" is on the list; the check ignores case, so the upper-case variant passes the other rules only.
		assertPasswordRejected("Password1", "This password is one of the 10,000 most common passwords.");
	}

	@Test
	void whenPasswordBreaksSeveralRulesThenEveryRuleIsListed() throws Exception {
		String html = rejectedPage(signup(TestUsers.uniqueEmail("many"), "Many", "abc"));
		assertThat(html).contains("Use at least 8 characters.", "Add an uppercase letter (A–Z).",
				"Add a digit (0–9).");
	}

	@Test
	void whenConfirmationDiffersThenRejected() throws Exception {
		String html = rejectedPage(post("/signup").with(csrf()).with(ip())
			.param("email", TestUsers.uniqueEmail("confirm"))
			.param("name", "Confirm")
			.param("password", "Matching-Pass-1")
			.param("confirmPassword", "Different-Pass-1"));
		assertThat(html).contains("The two passwords do not match.")
			.contains("aria-describedby=\"confirmPassword-error\"")
			.contains("id=\"confirmPassword-error\"");
	}

	@Test
	void whenEmailInvalidThenRejected() throws Exception {
		String html = rejectedPage(signup("not-an-email", "Nobody", "Valid-Password-1"));
		assertThat(html).contains("Enter a valid email address, like name@example.com.");
	}

	@Test
	void whenEmailMissingThenRejected() throws Exception {
		String html = rejectedPage(signup("", "Nobody", "Valid-Password-1"));
		assertThat(html).contains("Enter your email address.");
	}

	@Test
	void whenNameMissingThenRejected() throws Exception {
		String html = rejectedPage(signup(TestUsers.uniqueEmail("noname"), " ", "Valid-Password-1"));
		assertThat(html).contains("Enter your name.");
	}

	@Test
	void whenEmailAlreadyRegisteredThenClearMessageAndNoSecondUser() throws Exception {
		String email = TestUsers.uniqueEmail("dup");
		this.mvc.perform(signup(email, "First", "First-Password-1")).andExpect(redirectedUrl("/profile"));
		String html = rejectedPage(signup(" " + email.toUpperCase() + " ", "Second", "Second-Password-1"));
		assertThat(html).contains("An account with this email already exists.");
		assertThat(this.jdbc.sql("SELECT count(*) FROM identity.users WHERE email = :email")
			.param("email", email)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void whenRejectedThenTypedEmailAndNameAreKeptButNeverThePassword() throws Exception {
		String html = rejectedPage(signup("kept@readers.example", "Kept Name", "short"));
		assertThat(html).contains("value=\"kept@readers.example\"").contains("value=\"Kept Name\"")
			.doesNotContain("value=\"short\"");
	}

	@Test
	void whenCsrfTokenMissingThenForbiddenAndNothingCreated() throws Exception {
		String email = TestUsers.uniqueEmail("csrf");
		this.mvc.perform(post("/signup").with(ip())
			.param("email", email)
			.param("name", "Csrf")
			.param("password", "Valid-Password-1")
			.param("confirmPassword", "Valid-Password-1")).andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT count(*) FROM identity.users WHERE email = :email")
			.param("email", email)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void whenTooManySignupsFromOneAddressThenRateLimited() throws Exception {
		String address = TestUsers.uniqueIp();
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(signup("bad-" + i, "X", "x").with(ip(address))).andExpect(status().isBadRequest());
		}
		String email = TestUsers.uniqueEmail("limited");
		this.mvc.perform(signup(email, "Limited", "Valid-Password-1").with(ip(address)))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Too many sign-up attempts")));
		assertThat(this.jdbc.sql("SELECT count(*) FROM identity.users WHERE email = :email")
			.param("email", email)
			.query(Integer.class)
			.single()).isZero();
		// Another address is not affected.
		this.mvc.perform(signup(email, "Limited", "Valid-Password-1")).andExpect(redirectedUrl("/profile"));
	}

	@Test
	void whenSignupSucceedsThenAuditedAsSignupAndSignIn() throws Exception {
		String email = TestUsers.uniqueEmail("audited");
		this.mvc.perform(signup(email, "Audited", "Valid-Password-1")).andExpect(redirectedUrl("/profile"));
		UUID id = this.jdbc.sql("SELECT id FROM identity.users WHERE email = :email")
			.param("email", email)
			.query(UUID.class)
			.single();
		org.awaitility.Awaitility.await().untilAsserted(() -> {
			assertThat(this.jdbc.sql("SELECT event FROM identity.auth_logs WHERE user_id = :id AND success")
				.param("id", id)
				.query(String.class)
				.list()).contains("signup", "sign_in");
			assertThat(this.jdbc
				.sql("SELECT new_values->>'email' FROM identity.audit_logs WHERE table_name = 'users' AND record_id = :id")
				.param("id", id.toString())
				.query(String.class)
				.list()).containsExactly(email);
		});
		assertThat(this.jdbc.sql("SELECT count(*) FROM identity.audit_logs WHERE record_id = :id AND "
				+ "(new_values::text LIKE '%argon2%' OR jsonb_exists(new_values, 'passwordHash'))")
			.param("id", id.toString())
			.query(Integer.class)
			.single()).isZero();
	}

	private void assertPasswordRejected(String password, String message) throws Exception {
		String html = rejectedPage(signup(TestUsers.uniqueEmail("pw"), "Pw", password));
		assertThat(html).contains(message)
			.contains("aria-describedby=\"password-hint password-error\"")
			.contains("aria-invalid=\"true\"");
	}

	private String rejectedPage(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static MockHttpServletRequestBuilder signup(String email, String name, String password) {
		return post("/signup").with(csrf())
			.with(ip())
			.session(new MockHttpSession())
			.param("email", email)
			.param("name", name)
			.param("password", password)
			.param("confirmPassword", password);
	}

	private static RequestPostProcessor ip() {
		return ip(TestUsers.uniqueIp());
	}

	private static RequestPostProcessor ip(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
