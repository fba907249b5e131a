package ai.physical.textbook.api.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import ai.physical.textbook.api.testing.ResourceApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every authorization decision, granted or denied, ends up in personalization.authz_logs.
 */
class AuthorizationLogTests extends ResourceApiIntegrationTest {

	@Autowired
	BatchingAuthorizationDecisionLog decisionLog;

	@Test
	void whenRequestsAreDecidedThenEveryDecisionIsStored() throws Exception {
		UUID userId = newUser();
		String complete = issuer.sign(issuer.readerClaims(userId, Map.of(), Map.of()).build());
		String incomplete = issuer.sign(issuer.userClaims(userId).claim("profileComplete", false).build());

		get("/api/catalog/chapters", complete);
		get("/api/personalization/context", incomplete);
		get("/api/users/" + newUser() + "/preferences", complete);
		for (int i = 0; i < 50; i++) {
			get("/api/catalog/chapters/what-is-physical-ai", complete);
		}

		assertThat(this.decisionLog.awaitWritten(Duration.ofSeconds(20))).isTrue();
		List<Map<String, Object>> rows = this.jdbc.queryForList("""
				SELECT resource, action, policy, authorized, code FROM personalization.authz_logs
				WHERE user_id = :userId ORDER BY id
				""", Map.of("userId", userId));
		assertThat(rows).hasSize(53);
		assertThat(rows.get(0)).containsEntry("resource", "/api/catalog/chapters")
			.containsEntry("action", "GET")
			.containsEntry("policy", "authenticated")
			.containsEntry("authorized", true);
		assertThat(rows.get(1)).containsEntry("policy", "personalized_content")
			.containsEntry("authorized", false)
			.containsEntry("code", "AUTH_PROFILE_INCOMPLETE");
		assertThat(rows.get(2)).containsEntry("policy", "self_profile")
			.containsEntry("authorized", false)
			.containsEntry("code", "AUTH_INSUFFICIENT_PERMISSIONS");
	}

	@Test
	void whenTokenIsMissingOrInvalidThenDenialIsStoredWithoutUser() throws Exception {
		String path = "/api/catalog/projects/" + UUID.randomUUID();
		get(path, null);
		get(path, "forged.token.value");

		assertThat(this.decisionLog.awaitWritten(Duration.ofSeconds(20))).isTrue();
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"SELECT user_id, policy, authorized, code FROM personalization.authz_logs WHERE resource = :path",
				Map.of("path", path));
		assertThat(rows).hasSize(2).allSatisfy((row) -> assertThat(row).containsEntry("user_id", null)
			.containsEntry("policy", "authenticated")
			.containsEntry("authorized", false)
			.containsEntry("code", "AUTH_TOKEN_INVALID"));
	}

}
