package ai.physical.textbook.systemtests.badinput;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import ai.physical.textbook.systemtests.support.Answers;
import ai.physical.textbook.systemtests.support.AppProcess;
import ai.physical.textbook.systemtests.support.Database;
import ai.physical.textbook.systemtests.support.Http;
import ai.physical.textbook.systemtests.support.OAuthFlows;
import ai.physical.textbook.systemtests.support.Paths;
import ai.physical.textbook.systemtests.support.SystemStack;
import ai.physical.textbook.systemtests.support.TestClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replayed authorization codes and refresh tokens, checked across both apps: the replay is refused, and what was
 * issued from the replayed grant stops working at the resource server too (the denylist reaches resource-api).
 */
@Tag("awaiting-feature")
class ReplayTests {

	private final AppProcess auth = SystemStack.get().authServer();

	private final AppProcess api = SystemStack.get().resourceApi();

	private final OAuthFlows flows = new OAuthFlows(this.auth.baseUrl());

	@Test
	void whenAuthorizationCodeIsReplayedThenRefusedAndTheTokensItIssuedAreRevokedEverywhere() {
		OAuthFlows.Reader reader = this.flows.signUp(OAuthFlows.uniqueEmail("code-replay"));
		OAuthFlows.Code code = this.flows.authorize(reader.browser(), TestClients.WEB_CLIENT_ID,
				TestClients.WEB_REDIRECT_URI, TestClients.WEB_SCOPES);
		HttpResponse<String> first = this.flows.redeem(TestClients.WEB_CLIENT_ID, TestClients.WEB_REDIRECT_URI, code);
		assertThat(first.statusCode()).as(Answers.describe(first)).isEqualTo(200);
		OAuthFlows.Tokens tokens = OAuthFlows.tokens(first.body());
		assertThat(resourceStatus(tokens.accessToken())).isIn(200, 403);

		HttpResponse<String> replay = this.flows.redeem(TestClients.WEB_CLIENT_ID, TestClients.WEB_REDIRECT_URI, code);

		Answers.assertClientError(replay);
		assertThat(replay.body()).contains("invalid_grant");
		assertThat(this.flows.refresh(TestClients.WEB_CLIENT_ID, tokens.refreshToken()).statusCode()).isEqualTo(400);
		assertThat(resourceStatus(tokens.accessToken())).as("access token from the replayed code").isEqualTo(401);
	}

	@Test
	void whenRotatedRefreshTokenIsReplayedThenTheWholeFamilyIsRevokedAndAudited() {
		OAuthFlows.Tokens issued = this.flows.newReaderTokens(OAuthFlows.uniqueEmail("refresh-replay"));
		HttpResponse<String> rotated = this.flows.refresh(TestClients.WEB_CLIENT_ID, issued.refreshToken());
		assertThat(rotated.statusCode()).as(Answers.describe(rotated)).isEqualTo(200);
		OAuthFlows.Tokens current = OAuthFlows.tokens(rotated.body());
		Database database = SystemStack.get().database();
		Map<String, Long> logsBefore = database.rowCounts();

		HttpResponse<String> replay = this.flows.refresh(TestClients.WEB_CLIENT_ID, issued.refreshToken());

		Answers.assertClientError(replay);
		assertThat(replay.body()).contains("invalid_grant");
		assertThat(this.flows.refresh(TestClients.WEB_CLIENT_ID, current.refreshToken()).statusCode())
			.as("the current refresh token of the family").isEqualTo(400);
		assertThat(resourceStatus(current.accessToken())).as("the family's live access token").isEqualTo(401);
		Map<String, Long> logsAfter = database.rowCounts();
		assertThat(Database.LOG_TABLES.stream().mapToLong((table) -> logsAfter.get(table) - logsBefore.get(table)).sum())
			.as("the reuse is audited").isPositive();
	}

	private int resourceStatus(String accessToken) {
		return Http.api(this.api.baseUrl()).get(Paths.CONTEXT, "Authorization", "Bearer " + accessToken).statusCode();
	}

}
