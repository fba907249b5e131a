package ai.physical.textbook.auth.session;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import ai.physical.textbook.auth.support.AuthServerIntegrationTest;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow.Tokens;
import ai.physical.textbook.auth.support.Jwts;
import ai.physical.textbook.auth.support.TestUsers;
import ai.physical.textbook.auth.support.TestUsers.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code auth_time} and {@code sid} in ID tokens, over HTTP against the real server with sessions in Redis: the
 * sign-in instant (not the session's last use), one sid per browser session that survives refreshes, a second
 * sign-in and a password change, RP-initiated logout that accepts the ID token only from its own session, and sessions
 * that keep only plain attributes (an older instance can still read them).
 */
@AuthServerIntegrationTest
class IdTokenSessionClaimsTests {

	static final String WEB = "textbook-web";

	static final String HOME = "http://localhost:8081/";

	static final String SCOPE = "openid profile";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	@Test
	void whenSignedInThenIdTokensCarryTheSignInInstantAsAuthTimeAndOneSidForTheSession() {
		TestUser user = newUser();
		AuthorizationCodeFlow browser = browser();
		long before = Instant.now().getEpochSecond();
		browser.signIn(user.email(), user.password());
		long after = Instant.now().getEpochSecond();
		assertThat(browser.get("/account").statusCode()).as("a later page visit").isEqualTo(200);

		Map<String, Object> first = idToken(browser.authorizeAndExchange(WEB, HOME, SCOPE));
		assertThat(authTime(first)).isBetween(before, after);
		assertThat((String) first.get("sid")).matches("[A-Za-z0-9_-]{43}");

		assertThat(browser.get("/account").statusCode()).isEqualTo(200);
		Map<String, Object> second = idToken(browser.authorizeAndExchange(WEB, HOME, SCOPE));
		assertThat(second.get("sid")).isEqualTo(first.get("sid"));
		assertThat(authTime(second)).isEqualTo(authTime(first));
	}

	@Test
	void whenSignInWasLongAgoThenAuthTimeIsThatInstantNotTheLastUseOfTheSession() {
		TestUser user = newUser();
		AuthorizationCodeFlow browser = browser();
		browser.signIn(user.email(), user.password());
		// As if the sign-in had happened three hours ago; the session itself is used right now.
		Instant threeHoursAgo = Instant.now().minus(Duration.ofHours(3));
		updateSession(user,
				(session) -> session.setAttribute(SessionMetadata.SIGNED_IN_AT, threeHoursAgo.toString()));
		assertThat(browser.get("/account").statusCode()).isEqualTo(200);

		Tokens tokens = browser.authorizeAndExchange(WEB, HOME, SCOPE);
		Map<String, Object> idToken = idToken(tokens);
		assertThat(authTime(idToken)).isEqualTo(threeHoursAgo.getEpochSecond());
		assertThat(idToken.get("sid")).isEqualTo(session(user).getAttribute(SessionMetadata.SID));
		Map<String, Object> refreshed = idToken(refresh(browser, tokens));
		assertThat(authTime(refreshed)).isEqualTo(threeHoursAgo.getEpochSecond());
		assertThat(refreshed.get("sid")).isEqualTo(idToken.get("sid"));
	}

	@Test
	void whenSessionWasSignedInBeforeSidsExistedThenNoSidOrAuthTimeUntilTheNextSignIn() {
		TestUser user = newUser();
		AuthorizationCodeFlow browser = browser();
		browser.signIn(user.email(), user.password());
		forgetSid(user);

		Tokens tokens = browser.authorizeAndExchange(WEB, HOME, SCOPE);
		assertThat(idToken(tokens)).doesNotContainKeys("sid", "auth_time");
		assertThat(idToken(refresh(browser, tokens))).doesNotContainKeys("sid", "auth_time");

		browser.signIn(user.email(), user.password());
		Tokens afterSignIn = browser.authorizeAndExchange(WEB, HOME, SCOPE);
		assertThat(idToken(afterSignIn)).containsKeys("sid", "auth_time");
		assertThat(logout(browser, tokens).statusCode()).as("an ID token from before has no sid to match")
			.isEqualTo(400);
		assertThat(logout(browser, afterSignIn).statusCode()).isEqualTo(302);
	}

	@Test
	void whenSessionWasSignedInBeforeSidsExistedThenLogoutWithItsIdTokenWorks() {
		TestUser user = newUser();
		AuthorizationCodeFlow browser = browser();
		browser.signIn(user.email(), user.password());
		forgetSid(user);
		Tokens tokens = browser.authorizeAndExchange(WEB, HOME, SCOPE);

		assertThat(logout(browser, tokens).statusCode()).isEqualTo(302);
		assertThat(signedIn(browser)).isFalse();
	}

	@Test
	void whenAuthorizedThenTheSessionStillHoldsOnlyPlainAttributesAndThePlainAuthentication() {
		TestUser user = newUser();
		AuthorizationCodeFlow browser = browser();
		browser.signIn(user.email(), user.password());

		browser.authorizeAndExchange(WEB, HOME, SCOPE);

		Session session = session(user);
		SecurityContext context = session
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		assertThat(context.getAuthentication().getDetails()).as("the per-request copy was not saved")
			.hasSameClassAs(new WebAuthenticationDetails("127.0.0.1", null));
		assertThat((Object) session.getAttribute(SessionMetadata.SID)).isInstanceOf(String.class);
		assertThat((Object) session.getAttribute(SessionMetadata.SID_USER)).isEqualTo(user.id().toString());
		assertThat((Object) session.getAttribute(SessionMetadata.SIGNED_IN_AT)).isInstanceOf(String.class);
	}

	@Test
	void whenRefreshedThenIdTokensKeepAuthTimeAndSidAndLogoutAcceptsTheLatest() {
		TestUser user = newUser();
		AuthorizationCodeFlow browser = browser();
		browser.signIn(user.email(), user.password());
		Tokens first = browser.authorizeAndExchange(WEB, HOME, SCOPE);
		Tokens second = refresh(browser, first);
		Tokens third = refresh(browser, second);

		Map<String, Object> original = idToken(first);
		for (Tokens refreshed : new Tokens[] { second, third }) {
			assertThat(idToken(refreshed).get("sid")).isEqualTo(original.get("sid")).isNotNull();
			assertThat(authTime(idToken(refreshed))).isEqualTo(authTime(original));
		}

		HttpResponse<String> logout = logout(browser, third);
		assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location").orElseThrow()).isEqualTo(HOME + "?state=bye");
		assertThat(browser.refresh(WEB, third.refreshToken()).statusCode()).isEqualTo(400);
		assertThat(signedIn(browser)).isFalse();
	}

	@Test
	void whenAnotherSessionOfTheSameUserPresentsItsIdTokenThenLogoutIsRefusedAndNothingEnds() {
		TestUser user = newUser();
		AuthorizationCodeFlow laptop = browser();
		laptop.signIn(user.email(), user.password());
		Tokens laptopTokens = laptop.authorizeAndExchange(WEB, HOME, SCOPE);
		AuthorizationCodeFlow phone = browser();
		phone.signIn(user.email(), user.password());
		Tokens phoneTokens = phone.authorizeAndExchange(WEB, HOME, SCOPE);
		assertThat(idToken(phoneTokens).get("sid")).isNotEqualTo(idToken(laptopTokens).get("sid"));

		HttpResponse<String> logout = logout(phone, laptopTokens);

		assertThat(logout.statusCode()).isEqualTo(400);
		assertThat(logout.headers().firstValue("Location")).isEmpty();
		assertThat(signedIn(phone)).isTrue();
		assertThat(signedIn(laptop)).isTrue();
		assertThat(laptop.refresh(WEB, laptopTokens.refreshToken()).statusCode())
			.as("the laptop's grant is not revoked")
			.isEqualTo(200);
		assertThat(logout(phone, phoneTokens).statusCode()).as("its own ID token logs the phone out").isEqualTo(302);
		assertThat(signedIn(phone)).isFalse();
		assertThat(signedIn(laptop)).isTrue();
	}

	@Test
	void whenAnotherUsersSessionPresentsTheIdTokenThenLogoutIsRefusedAndNothingEnds() {
		TestUser ada = newUser();
		AuthorizationCodeFlow adasBrowser = browser();
		adasBrowser.signIn(ada.email(), ada.password());
		Tokens adasTokens = adasBrowser.authorizeAndExchange(WEB, HOME, SCOPE);
		TestUser bob = newUser();
		AuthorizationCodeFlow bobsBrowser = browser();
		bobsBrowser.signIn(bob.email(), bob.password());
		Tokens bobsTokens = bobsBrowser.authorizeAndExchange(WEB, HOME, SCOPE);
		assertThat(idToken(bobsTokens).get("sid")).isNotEqualTo(idToken(adasTokens).get("sid"));

		HttpResponse<String> logout = logout(bobsBrowser, adasTokens);

		assertThat(logout.statusCode()).isEqualTo(400);
		assertThat(signedIn(bobsBrowser)).isTrue();
		assertThat(signedIn(adasBrowser)).isTrue();
		assertThat(adasBrowser.refresh(WEB, adasTokens.refreshToken()).statusCode()).isEqualTo(200);
	}

	@Test
	void whenSignedInAgainAsTheSameUserThenTheSessionKeepsItsSidAndTheEarlierIdTokenStillLogsOut() {
		TestUser user = newUser();
		AuthorizationCodeFlow browser = browser();
		browser.signIn(user.email(), user.password());
		String sessionBefore = sessionId(user);
		Tokens first = browser.authorizeAndExchange(WEB, HOME, SCOPE);

		long before = Instant.now().getEpochSecond();
		browser.signIn(user.email(), user.password());
		long after = Instant.now().getEpochSecond();
		assertThat(sessionId(user)).as("a new session id at sign-in").isNotEqualTo(sessionBefore);
		Map<String, Object> second = idToken(browser.authorizeAndExchange(WEB, HOME, SCOPE));

		assertThat(second.get("sid")).isEqualTo(idToken(first).get("sid"));
		assertThat(authTime(second)).as("the new authentication's time").isBetween(before, after);
		HttpResponse<String> logout = logout(browser, first);
		assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
		assertThat(signedIn(browser)).isFalse();
	}

	@Test
	void whenSignedInAsAnotherUserInTheSameBrowserThenANewSid() {
		TestUser ada = newUser();
		TestUser bob = newUser();
		AuthorizationCodeFlow browser = browser();
		browser.signIn(ada.email(), ada.password());
		Tokens adas = browser.authorizeAndExchange(WEB, HOME, SCOPE);

		browser.signIn(bob.email(), bob.password());
		Tokens bobs = browser.authorizeAndExchange(WEB, HOME, SCOPE);

		assertThat(idToken(bobs).get("sub")).isEqualTo(bob.id().toString());
		assertThat(idToken(bobs).get("sid")).isNotEqualTo(idToken(adas).get("sid"));
	}

	@Test
	void whenPasswordChangedThenTheSessionGetsANewIdButKeepsItsSidAndLogoutWorks() {
		TestUser user = newUser();
		AuthorizationCodeFlow browser = browser();
		browser.signIn(user.email(), user.password());
		Object sid = idToken(browser.authorizeAndExchange(WEB, HOME, SCOPE)).get("sid");
		String sessionBefore = sessionId(user);
		String newPassword = "Another-horse-" + Instant.now().toEpochMilli();

		String csrf = AuthorizationCodeFlow.csrfToken(browser.get("/account").body());
		HttpResponse<String> change = browser.postForm("/account/password", Map.of("currentPassword",
				user.password(), "newPassword", newPassword, "confirmNewPassword", newPassword, "_csrf", csrf));
		assertThat(change.headers().firstValue("Location").orElse("")).endsWith("/account?passwordChanged");
		assertThat(sessionId(user)).isNotEqualTo(sessionBefore);

		Tokens after = browser.authorizeAndExchange(WEB, HOME, SCOPE);
		assertThat(idToken(after).get("sid")).isEqualTo(sid);
		assertThat(logout(browser, after).statusCode()).isEqualTo(302);
		assertThat(signedIn(browser)).isFalse();
	}

	private TestUser newUser() {
		return new TestUsers(this.jdbc, this.passwordEncoder).create();
	}

	private AuthorizationCodeFlow browser() {
		return new AuthorizationCodeFlow("http://localhost:" + this.port);
	}

	private static Map<String, Object> idToken(Tokens tokens) {
		assertThat(tokens.idToken()).isNotBlank();
		return Jwts.claims(tokens.idToken());
	}

	private static long authTime(Map<String, Object> claims) {
		assertThat(claims.get("auth_time")).isInstanceOf(Number.class);
		return ((Number) claims.get("auth_time")).longValue();
	}

	private static Tokens refresh(AuthorizationCodeFlow browser, Tokens tokens) {
		HttpResponse<String> response = browser.refresh(WEB, tokens.refreshToken());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Tokens.of(response.body());
	}

	private static HttpResponse<String> logout(AuthorizationCodeFlow browser, Tokens tokens) {
		return browser.get("/connect/logout?" + AuthorizationCodeFlow
			.form(Map.of("id_token_hint", tokens.idToken(), "post_logout_redirect_uri", HOME, "state", "bye")));
	}

	/** Whether the browser's session is signed in: the authorization endpoint answers with a code. */
	private static boolean signedIn(AuthorizationCodeFlow browser) {
		HttpResponse<String> authorize = browser.authorize(WEB, HOME, "openid", browser.pkce(), Map.of());
		return authorize.headers().firstValue("Location").orElse("").contains("code=");
	}

	/** The id of the user's only browser session, from Spring Session's principal index in Redis. */
	private String sessionId(TestUser user) {
		Set<String> ids = this.sessions.findByPrincipalName(user.id().toString()).keySet();
		assertThat(ids).hasSize(1);
		return ids.iterator().next();
	}

	/** What an earlier version recorded at sign-in: the time, no sid. */
	private void forgetSid(TestUser user) {
		updateSession(user, (session) -> {
			session.removeAttribute(SessionMetadata.SID);
			session.removeAttribute(SessionMetadata.SID_USER);
		});
	}

	private Session session(TestUser user) {
		return this.sessions.findById(sessionId(user));
	}

	/** Changes the user's only session in Redis, as if an earlier version or another time had written it. */
	private void updateSession(TestUser user, Consumer<Session> change) {
		updateSession(this.sessions, sessionId(user), change);
	}

	private static <S extends Session> void updateSession(FindByIndexNameSessionRepository<S> repository,
			String sessionId, Consumer<Session> change) {
		S session = repository.findById(sessionId);
		change.accept(session);
		repository.save(session);
	}

}
