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
 * neither one made before the outage nor one made during it.
 */
@Tag("awaiting-feature")
class RedisOutageTests {

	/** How long the system may take to notice that Redis is back (circuit breaker half-open, reconnect). */
	static final Duration RECOVERY = Duration.ofSeconds(30);

	private final SystemStack stack = SystemStack.get();

	@AfterEach
	void restoreRedis() {
		this.stack.startRedis();
		this.stack.ensureHealthy();
	}

	@Test
	@Timeout(240)
	void whenRedisStopsMidLoadThenTokensFlowRevocationsHoldPagesSay503AndAllRecovers() throws Exception {
		AppProcess auth = this.stack.authServer();
		AppProcess api = this.stack.resourceApi();
		OAuthFlows flows = new OAuthFlows(auth.baseUrl());
		OAuthFlows.Tokens revokedBefore = flows.newReaderTokens(OAuthFlows.uniqueEmail("redis-revoked-before"));
		OAuthFlows.Tokens revokedDuring = flows.newReaderTokens(OAuthFlows.uniqueEmail("redis-revoked-during"));
		OAuthFlows.Tokens live = flows.newReaderTokens(OAuthFlows.uniqueEmail("redis-live"));
		assertThat(flows.revoke(TestClients.WEB_CLIENT_ID, revokedBefore.accessToken(), "access_token").statusCode())
			.isEqualTo(200);
		assertThat(apiStatus(api, revokedBefore.accessToken())).isEqualTo(401);

		CompletableFuture<LoadDriver.Report> load = CompletableFuture.supplyAsync(() -> LoadDriver.run(16,
				Duration.ofSeconds(24), 100_000,
				List.of(new LoadDriver.Weighted(Scenarios.clientCredentials(auth.baseUrl()), 3),
						new LoadDriver.Weighted(Scenarios.resourceCall(api.baseUrl(), "live token", live.accessToken(), 200, 403), 3),
						new LoadDriver.Weighted(Scenarios.resourceCall(api.baseUrl(), "token revoked before", revokedBefore.accessToken(), 401), 2),
						new LoadDriver.Weighted(Scenarios.signInPage(auth.baseUrl()), 1))));
		AppProcess.sleep(Duration.ofSeconds(4));

		this.stack.stopRedis();
		try {
			AppProcess.sleep(Duration.ofSeconds(2));
			HttpResponse<String> refreshed = flows.refresh(TestClients.WEB_CLIENT_ID, live.refreshToken());
			assertThat(refreshed.statusCode()).as(Answers.describe(refreshed)).isEqualTo(200);
			assertThat(flows.revoke(TestClients.WEB_CLIENT_ID, revokedDuring.accessToken(), "access_token").statusCode())
				.isEqualTo(200);
			assertThat(apiStatus(api, revokedDuring.accessToken())).as("revoked while Redis is down").isEqualTo(401);
			assertThat(apiStatus(api, revokedBefore.accessToken())).as("revoked before Redis went down").isEqualTo(401);
			HttpResponse<String> page = Http.browser(auth.baseUrl()).get("/signin", "Accept", "text/html");
			assertThat(page.statusCode()).as(Answers.describe(page)).isEqualTo(503);
			assertThat(page.body()).containsIgnoringCase("temporarily unavailable");
			Answers.assertNoLeak(page);
			AppProcess.sleep(Duration.ofSeconds(6));
		}
		finally {
			this.stack.startRedis();
		}

		awaitSignInPage(auth);
		LoadDriver.Report report = load.get();
		assertThat(report.errors()).as(report.toString()).isZero();
		assertThat(apiStatus(api, revokedBefore.accessToken())).as("no revocation forgotten after Redis came back")
			.isEqualTo(401);
		assertThat(apiStatus(api, revokedDuring.accessToken())).as("no revocation forgotten after Redis came back")
			.isEqualTo(401);
		assertThat(apiStatus(api, live.accessToken())).isIn(200, 403);
		assertThat(flows.clientCredentials(TestClients.SERVICE_CLIENT_ID, TestClients.SERVICE_CLIENT_SECRET, null)
			.statusCode()).isEqualTo(200);
	}

	private static void awaitSignInPage(AppProcess auth) {
		long deadline = System.nanoTime() + RECOVERY.toNanos();
		int status = 0;
		while (System.nanoTime() < deadline) {
			status = Http.browser(auth.baseUrl()).get("/signin", "Accept", "text/html").statusCode();
			if (status == 200) {
				return;
			}
			AppProcess.sleep(Duration.ofMillis(500));
		}
		throw new AssertionError("Sign-in page not back within " + RECOVERY + " after Redis returned: " + status);
	}

	static int apiStatus(AppProcess api, String accessToken) {
		return Http.api(api.baseUrl()).get(Paths.CONTEXT, "Authorization", "Bearer " + accessToken).statusCode();
	}

}
