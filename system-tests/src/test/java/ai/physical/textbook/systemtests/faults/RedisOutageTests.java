package ai.physical.textbook.systemtests.faults;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ai.physical.textbook.systemtests.support.Answers;
import ai.physical.textbook.systemtests.support.AppProcess;
import ai.physical.textbook.systemtests.support.Http;
import ai.physical.textbook.systemtests.support.LoadDriver;
import ai.physical.textbook.systemtests.support.OAuthFlows;
import ai.physical.textbook.systemtests.support.Paths;
import ai.physical.textbook.systemtests.support.Scenarios;
import ai.physical.textbook.systemtests.support.SystemStack;
import ai.physical.textbook.systemtests.support.TestClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis stopped in the middle of traffic and started again (empty, as after a crash): tokens keep being issued,
 * resource-api keeps answering correctly from the PostgreSQL denylist, sign-in pages say "temporarily unavailable"
 * (503) and never show a stack trace, everything is back by itself within seconds, and no revocation is forgotten,
 * neither one made before the outage nor one made during it. One promise per test, so a broken one does not hide
 * the others.
 */
class RedisOutageTests {

	/** How long the system may take to notice that Redis is back (circuit breaker half-open, reconnect). */
	static final Duration RECOVERY = Duration.ofSeconds(30);

	private final SystemStack stack = SystemStack.get();

	private final AppProcess auth = this.stack.authServer();

	private final AppProcess api = this.stack.resourceApi();

	private final OAuthFlows flows = new OAuthFlows(this.auth.baseUrl());

	@AfterEach
	void restoreRedis() {
		this.stack.startRedis();
		this.stack.ensureHealthy();
	}

	@Test
	@Timeout(300)
	void whenRedisStopsMidLoadThenTokensKeepFlowingAndResourceApiStaysCorrectThenAllRecovers() throws Exception {
		OAuthFlows.Tokens revokedBefore = this.flows.newReaderTokens(OAuthFlows.uniqueEmail("redis-revoked-before"));
		OAuthFlows.Tokens revokedDuring = this.flows.newReaderTokens(OAuthFlows.uniqueEmail("redis-revoked-during"));
		OAuthFlows.Tokens live = this.flows.newReaderTokens(OAuthFlows.uniqueEmail("redis-live"));
		revoke(revokedBefore.accessToken());
		assertThat(apiStatus(revokedBefore.accessToken())).isEqualTo(401);

		CompletableFuture<LoadDriver.Report> load = CompletableFuture.supplyAsync(() -> LoadDriver.run(16,
				Duration.ofSeconds(24), 100_000,
				List.of(new LoadDriver.Weighted(Scenarios.clientCredentials(this.auth.baseUrl()), 3),
						new LoadDriver.Weighted(Scenarios.resourceCall(this.api.baseUrl(), "live token", live.accessToken(), 200, 403), 3),
						new LoadDriver.Weighted(Scenarios.resourceCall(this.api.baseUrl(), "token revoked before", revokedBefore.accessToken(), 401), 2))));
		AppProcess.sleep(Duration.ofSeconds(4));

		this.stack.stopRedis();
		try {
			AppProcess.sleep(Duration.ofSeconds(2));
			HttpResponse<String> refreshed = this.flows.refresh(TestClients.WEB_CLIENT_ID, live.refreshToken());
			assertThat(refreshed.statusCode()).as("refresh while Redis is down: " + Answers.describe(refreshed))
				.isEqualTo(200);
			revoke(revokedDuring.accessToken());
			assertThat(apiStatus(revokedDuring.accessToken())).as("revoked while Redis is down").isEqualTo(401);
			assertThat(apiStatus(revokedBefore.accessToken())).as("revoked before Redis went down").isEqualTo(401);
			assertThat(apiStatus(OAuthFlows.tokens(refreshed.body()).accessToken())).isIn(200, 403);
			AppProcess.sleep(Duration.ofSeconds(6));
		}
		finally {
			this.stack.startRedis();
		}

		LoadDriver.Report report = load.get();
		assertThat(report.errors()).as(report.toString()).isZero();
		awaitTokenEndpointAndSignInPage();
	}

	// Was a product gap (the friendly error page with status 500: the session could not be saved); fixed by the
	// common module's DependencyUnavailableFilter, outside Spring Session's filter.
	@Test
	@Timeout(120)
	void whenRedisIsDownThenSignInPagesSayTemporarilyUnavailable() {
		this.stack.stopRedis();
		try {
			HttpResponse<String> page = Http.browser(this.auth.baseUrl()).get("/signin", "Accept", "text/html");

			assertThat(page.statusCode()).as(Answers.describe(page)).isEqualTo(503);
			assertThat(page.body()).containsIgnoringCase("temporarily unavailable");
			Answers.assertNoLeak(page);
		}
		finally {
			this.stack.startRedis();
		}
		awaitTokenEndpointAndSignInPage();
	}

	// Was a product gap: nothing copied identity.revoked_tokens back into a Redis that restarted empty. Now the
	// auth-server's resync job refills it and sets textbook:revoked:synced; until then both apps read PostgreSQL.
	@Test
	@Timeout(180)
	void whenRedisComesBackEmptyThenNoRevocationIsForgotten() {
		OAuthFlows.Tokens revokedBefore = this.flows.newReaderTokens(OAuthFlows.uniqueEmail("redis-forgotten-before"));
		OAuthFlows.Tokens revokedDuring = this.flows.newReaderTokens(OAuthFlows.uniqueEmail("redis-forgotten-during"));
		revoke(revokedBefore.accessToken());

		this.stack.stopRedis();
		try {
			revoke(revokedDuring.accessToken());
			assertThat(apiStatus(revokedDuring.accessToken())).isEqualTo(401);
		}
		finally {
			this.stack.startRedis();
		}
		awaitTokenEndpointAndSignInPage();
		// Past the circuit breaker's open state, resource-api reads Redis again.
		AppProcess.sleep(Duration.ofSeconds(8));

		assertThat(apiStatus(revokedBefore.accessToken())).as("revoked before the outage, after Redis came back")
			.isEqualTo(401);
		assertThat(apiStatus(revokedDuring.accessToken())).as("revoked during the outage, after Redis came back")
			.isEqualTo(401);
	}

	private void revoke(String accessToken) {
		HttpResponse<String> response = this.flows.revoke(TestClients.WEB_CLIENT_ID, accessToken, "access_token");
		assertThat(response.statusCode()).as(Answers.describe(response)).isEqualTo(200);
	}

	private void awaitTokenEndpointAndSignInPage() {
		long deadline = System.nanoTime() + RECOVERY.toNanos();
		int signIn = 0;
		int token = 0;
		while (System.nanoTime() < deadline) {
			signIn = Http.browser(this.auth.baseUrl()).get("/signin", "Accept", "text/html").statusCode();
			token = this.flows.clientCredentials(TestClients.SERVICE_CLIENT_ID, TestClients.SERVICE_CLIENT_SECRET, null)
				.statusCode();
			if (signIn == 200 && token == 200) {
				return;
			}
			AppProcess.sleep(Duration.ofMillis(500));
		}
		throw new AssertionError("Not back within " + RECOVERY + " after Redis returned: sign-in page " + signIn
				+ ", token endpoint " + token);
	}

	private int apiStatus(String accessToken) {
		return Http.api(this.api.baseUrl()).get(Paths.CONTEXT, "Authorization", "Bearer " + accessToken).statusCode();
	}

}
