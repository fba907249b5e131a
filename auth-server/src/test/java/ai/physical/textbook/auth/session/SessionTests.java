package ai.physical.textbook.auth.session;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.events.SessionCreatedEvent;
import org.springframework.session.events.SessionDeletedEvent;

import ai.physical.textbook.auth.account.AccountUser;
import ai.physical.textbook.auth.account.UserSignedOutEverywhere;
import ai.physical.textbook.auth.support.TestSecrets;
import ai.physical.textbook.auth.testing.AuthServerTest;
import ai.physical.textbook.auth.testing.Browsers;
import ai.physical.textbook.auth.testing.RecordedEvents;
import ai.physical.textbook.auth.testing.RecordedEvents.SessionEventOnThread;
import ai.physical.textbook.auth.testing.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Browser sessions over real HTTP: Spring Session in Redis, cookies, sign-in, the account page's session list and
 * the sign-out actions.
 */
@AuthServerTest
class SessionTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	@Autowired
	RecordedEvents events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("enableRedisKeyspaceNotificationsInitializer")
	InitializingBean keyspaceNotifications;

	@Test
	void whenSigningInThenSessionIdChangesAndTheOldIdIsWorthless() throws Exception {
		AccountUser user = this.users.create("fixation");
		try (WebClient browser = Browsers.open(); WebClient attacker = Browsers.open()) {
			browser.getPage(base() + "/signin");
			String before = Browsers.sessionCookie(browser);
			assertThat(before).as("a session exists before sign-in (CSRF token)").isNotNull();
			HtmlPage after = Browsers.signIn(browser, base(), user.email(), TestUsers.PASSWORD);
			assertThat(after.getUrl().getPath()).isEqualTo("/profile");
			String current = Browsers.sessionCookie(browser);
			assertThat(current).isNotEqualTo(before);

			// Someone who planted or stole the pre-sign-in cookie gets nothing.
			attacker.getCookieManager().addCookie(new Cookie("localhost", "SESSION", before));
			HtmlPage page = attacker.getPage(base() + "/account");
			assertThat(page.getUrl().getPath()).isEqualTo("/signin");
		}
	}

	@Test
	void whenBackChannelEndpointsReceiveTheSessionCookieThenTheSessionIsNeitherReadNorExtended() throws Exception {
		AccountUser user = this.users.create("back-channel");
		try (WebClient browser = Browsers.open()) {
			Browsers.signIn(browser, base(), user.email(), TestUsers.PASSWORD);
			String cookie = "SESSION=" + Browsers.sessionCookie(browser);
			String id = new String(Base64.getDecoder().decode(Browsers.sessionCookie(browser)), StandardCharsets.UTF_8);
			Instant lastUse = this.sessions.findById(id).getLastAccessedTime();
			// RFC 6749 2.3.1: the secret is form-encoded before Basic encoding.
			String basic = "Basic " + Base64.getEncoder()
				.encodeToString((TestSecrets.SERVICE_CLIENT + ":"
						+ URLEncoder.encode(TestSecrets.SERVICE_CLIENT_SECRET, StandardCharsets.UTF_8))
					.getBytes(StandardCharsets.UTF_8));

			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
				.header("Cookie", cookie)
				.header("Authorization", basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=textbook.api"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
			assertThat(token.headers().firstValue("Set-Cookie")).isEmpty();
			for (String path : new String[] { "/oauth2/jwks", "/.well-known/openid-configuration" }) {
				assertThat(http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Cookie", cookie).build(),
						HttpResponse.BodyHandlers.discarding())
					.statusCode()).isEqualTo(200);
			}
			assertThat(this.sessions.findById(id).getLastAccessedTime())
				.as("token, JWK set and discovery requests do not touch the browser session")
				.isEqualTo(lastUse);

			HttpResponse<String> page = http.send(
					HttpRequest.newBuilder(URI.create(base() + "/account")).header("Cookie", cookie).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).as("the session itself is alive").isEqualTo(200);
			assertThat(this.sessions.findById(id).getLastAccessedTime()).as("a page does use it").isAfter(lastUse);
		}
	}

	@Test
	void whenSessionsAreDeletedThenTheirRedisMessagesAreHandledOnTheSessionEventThreadAndCreationsAreNotReadBack()
			throws Exception {
		// Deletions reach the app as Redis keyspace notifications, which Spring Session turns on at start-up; a test
		// that restarted Redis (the outage tests) turned them off again, so turn them on as a start would.
		this.keyspaceNotifications.afterPropertiesSet();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(createAndSave(this.sessions));
		}
		ids.forEach(this.sessions::deleteById);

		await().untilAsserted(() -> assertThat(handled(ids)).filteredOn((e) -> e.event() instanceof SessionDeletedEvent)
			.hasSize(5));
		// Not Spring Session's default of a new thread per message.
		assertThat(handled(ids)).extracting(SessionEventOnThread::thread)
			.allSatisfy((thread) -> assertThat(thread).startsWith("session-events-"));
		// The "created" messages were published before the deletions, on the same channel connection, and one
		// thread handles messages in order: had they been subscribed to, their events would be here by now.
		assertThat(handled(ids)).filteredOn((e) -> e.event() instanceof SessionCreatedEvent).isEmpty();
	}

	private List<SessionEventOnThread> handled(List<String> sessionIds) {
		return this.events.sessionEvents()
			.stream()
			.filter((handled) -> sessionIds.contains(handled.event().getSessionId()))
			.toList();
	}

	private static <S extends Session> String createAndSave(FindByIndexNameSessionRepository<S> repository) {
		S session = repository.createSession();
		session.setAttribute("probe", "session-events");
		repository.save(session);
		return session.getId();
	}

	@Test
	void whenSessionCookieIssuedThenItIsHttpOnlyAndSameSiteLax() throws Exception {
		try (WebClient browser = Browsers.open()) {
			HtmlPage page = browser.getPage(base() + "/signin");
			String setCookie = page.getWebResponse().getResponseHeaderValue("Set-Cookie");
			assertThat(setCookie).contains("SESSION=").contains("HttpOnly").contains("SameSite=Lax");
		}
	}

	@Test
	void whenSignedInTwiceThenAccountPageListsBothSessionsAndCanEndTheOther() throws Exception {
		AccountUser user = this.users.create("two-devices");
		try (WebClient laptop = Browsers.open(); WebClient phone = Browsers.open()) {
			phone.addRequestHeader("User-Agent",
					"Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile");
			Browsers.signIn(laptop, base(), user.email(), TestUsers.PASSWORD);
			Browsers.signIn(phone, base(), user.email(), TestUsers.PASSWORD);
			HtmlPage account = laptop.getPage(base() + "/account");
			String text = account.asNormalizedText();
			assertThat(text).contains("Where you are signed in", "This device", "Chrome on Android");
			assertThat(this.sessions.findByPrincipalName(user.id().toString())).hasSize(2);
			assertThat(account.asXml()).as("session ids never appear in the page")
				.doesNotContain(Browsers.sessionCookie(phone));

			HtmlForm endPhone = account.getFirstByXPath("//form[contains(@action, '/account/sessions/')]");
			HtmlPage after = Browsers.submit(endPhone);
			assertThat(after.asNormalizedText()).contains("That session is signed out.");
			assertThat(((HtmlPage) phone.getPage(base() + "/account")).getUrl().getPath()).isEqualTo("/signin");
			assertThat(((HtmlPage) laptop.getPage(base() + "/account")).getUrl().getPath()).isEqualTo("/account");
		}
	}

	@Test
	void whenSignOutEverywhereThenEverySessionEndsAndTheTokenFeatureIsTold() throws Exception {
		AccountUser user = this.users.create("everywhere");
		try (WebClient laptop = Browsers.open(); WebClient phone = Browsers.open()) {
			Browsers.signIn(laptop, base(), user.email(), TestUsers.PASSWORD);
			Browsers.signIn(phone, base(), user.email(), TestUsers.PASSWORD);
			HtmlPage account = laptop.getPage(base() + "/account");
			HtmlPage signedOut = Browsers.submit(Browsers.form(account, "/account/sign-out-everywhere"));
			assertThat(signedOut.getUrl().getPath()).isEqualTo("/signin");
			assertThat(signedOut.asNormalizedText()).contains("You are signed out on every device");

			assertThat(this.sessions.findByPrincipalName(user.id().toString())).isEmpty();
			assertThat(((HtmlPage) phone.getPage(base() + "/account")).getUrl().getPath()).isEqualTo("/signin");
			assertThat(((HtmlPage) laptop.getPage(base() + "/account")).getUrl().getPath()).isEqualTo("/signin");
			assertThat(this.events.of(UserSignedOutEverywhere.class))
				.contains(new UserSignedOutEverywhere(user.id(), "sign_out_everywhere"));
			await().untilAsserted(() -> assertThat(events(user.id())).contains("sign_out_everywhere"));
		}
	}

	@Test
	void whenPasswordChangedThenRulesAppliedOtherSessionsEndAndOnlyTheNewPasswordWorks() throws Exception {
		AccountUser user = this.users.create("password-change");
		String next = "New-Secret-Route-77";
		try (WebClient laptop = Browsers.open(); WebClient phone = Browsers.open()) {
			Browsers.signIn(laptop, base(), user.email(), TestUsers.PASSWORD);
			Browsers.signIn(phone, base(), user.email(), TestUsers.PASSWORD);
			String laptopSession = Browsers.sessionCookie(laptop);

			HtmlPage wrong = changePassword(laptop, "Not-The-Password-1", next, next);
			assertThat(wrong.getWebResponse().getStatusCode()).isEqualTo(400);
			assertThat(wrong.asNormalizedText()).contains("Your current password is not right.");

			HtmlPage weak = changePassword(laptop, TestUsers.PASSWORD, "short", "other");
			assertThat(weak.asNormalizedText()).contains("Use at least 8 characters.",
					"The two passwords do not match.");
			assertThat(weak.asXml()).contains("aria-describedby=\"newPassword-hint newPassword-error\"");

			HtmlPage done = changePassword(laptop, TestUsers.PASSWORD, next, next);
			assertThat(done.asNormalizedText()).contains("Your password is changed.");
			assertThat(Browsers.sessionCookie(laptop)).as("the remaining session gets a new id")
				.isNotEqualTo(laptopSession);
			assertThat(((HtmlPage) phone.getPage(base() + "/account")).getUrl().getPath()).isEqualTo("/signin");
			assertThat(((HtmlPage) laptop.getPage(base() + "/account")).getUrl().getPath()).isEqualTo("/account");
			assertThat(this.events.of(UserSignedOutEverywhere.class))
				.contains(new UserSignedOutEverywhere(user.id(), "password_change"));
		}
		try (WebClient other = Browsers.open()) {
			assertThat(Browsers.signIn(other, base(), user.email(), TestUsers.PASSWORD).getUrl().toString())
				.endsWith("/signin?error");
			assertThat(Browsers.signIn(other, base(), user.email(), next).getUrl().getPath()).isEqualTo("/profile");
		}
		await().untilAsserted(() -> assertThat(this.jdbc.sql("""
				SELECT success FROM identity.auth_logs WHERE user_id = :id AND event = 'password_change' ORDER BY id
				""").param("id", user.id()).query(Boolean.class).list()).containsExactly(false, true));
	}

	private HtmlPage changePassword(WebClient browser, String current, String next, String confirmation)
			throws Exception {
		HtmlPage account = browser.getPage(base() + "/account");
		HtmlForm form = Browsers.form(account, "/account/password");
		form.getInputByName("currentPassword").setValue(current);
		form.getInputByName("newPassword").setValue(next);
		form.getInputByName("confirmNewPassword").setValue(confirmation);
		return Browsers.submit(form);
	}

	@Test
	void whenSigningOutThenConfirmationPageFirstAndSignOutAudited() throws Exception {
		AccountUser user = this.users.create("logout");
		try (WebClient browser = Browsers.open()) {
			Browsers.signIn(browser, base(), user.email(), TestUsers.PASSWORD);
			HtmlPage confirm = browser.getPage(base() + "/logout");
			assertThat(confirm.asNormalizedText()).contains("Sign out?");
			HtmlPage done = Browsers.submit(Browsers.form(confirm, "/logout"));
			assertThat(done.getUrl().toString()).endsWith("/signin?logout");
			assertThat(done.asNormalizedText()).contains("You are signed out.");
			assertThat(((HtmlPage) browser.getPage(base() + "/account")).getUrl().getPath()).isEqualTo("/signin");
			await().untilAsserted(() -> assertThat(events(user.id())).contains("sign_in", "sign_out"));
		}
	}

	@Test
	void whenNewReaderSignsUpThenProfileFormThenAccountShowsTheCompleteProfile() throws Exception {
		String email = TestUsers.uniqueEmail("journey");
		try (WebClient browser = Browsers.open()) {
			HtmlPage signup = browser.getPage(base() + "/signup");
			HtmlForm form = Browsers.form(signup, "/signup");
			form.getInputByName("email").setValue(email);
			form.getInputByName("name").setValue("Grace Hopper");
			form.getInputByName("password").setValue("Compiler-Pioneer-1952");
			form.getInputByName("confirmPassword").setValue("Compiler-Pioneer-1952");
			HtmlPage profile = Browsers.submit(form);
			assertThat(profile.getUrl().getPath()).isEqualTo("/profile");
			assertThat(profile.asNormalizedText()).contains("Your background", "To complete your profile, add:");

			HtmlForm background = Browsers.form(profile, "/profile");
			Browsers.check(background, "programmingLanguages", "Python");
			Browsers.check(background, "frameworks", "ROS 2");
			Browsers.choose(background, "experienceLevel", "beginner");
			background.getInputByName("familiarPlatformsOther").setValue("LEGO Mindstorms");
			Browsers.choose(background, "roboticsExperience", "none");
			Browsers.choose(background, "electronicsKnowledge", "basic");
			HtmlPage account = Browsers.submit(background);
			assertThat(account.getUrl().getPath()).isEqualTo("/account");
			assertThat(account.asNormalizedText()).contains("Hello, Grace Hopper", "Your profile is saved.", "Complete",
					"Python", "ROS 2", "LEGO Mindstorms");
		}
		UUID id = this.jdbc.sql("SELECT id FROM identity.users WHERE email = :email")
			.param("email", email)
			.query(UUID.class)
			.single();
		await().untilAsserted(() -> assertThat(this.jdbc.sql(
				"SELECT count(*) FROM identity.audit_logs WHERE user_id = :id AND table_name = 'software_backgrounds'")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(1));
	}

	private java.util.List<String> events(UUID userId) {
		return this.jdbc.sql("SELECT event FROM identity.auth_logs WHERE user_id = :id ORDER BY id")
			.param("id", userId)
			.query(String.class)
			.list();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}


}
