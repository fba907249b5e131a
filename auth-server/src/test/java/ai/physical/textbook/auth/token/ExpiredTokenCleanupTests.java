package ai.physical.textbook.auth.token;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.physical.textbook.auth.support.AuthServerIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cleanup job deletes what expired and keeps what is alive.
 */
@AuthServerIntegrationTest
class ExpiredTokenCleanupTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExpiredTokenCleanup cleanup;

	@Test
	void whenCleanupRunsThenExpiredRowsAreDeletedAndLiveOnesKept() {
		String expired = authorization("now() - interval '1 minute'");
		String live = authorization("now() + interval '1 day'");
		token(live, "superseded-expired", "now() - interval '1 minute'", true);
		token(live, "superseded-live", "now() + interval '5 minutes'", true);
		token(live, "current-live", "now() + interval '1 day'", false);
		String client = "client-" + UUID.randomUUID();
		consent(client, "now() - interval '1 second'");
		consent(client + "-live", "now() + interval '1 day'");
		String expiredJti = "jti-" + UUID.randomUUID();
		String liveJti = "jti-" + UUID.randomUUID();
		revoked(expiredJti, "now() - interval '1 second'");
		revoked(liveJti, "now() + interval '10 minutes'");

		// The expired authorization (its tokens cascade), one superseded token, one consent, one denylist row.
		assertThat(this.cleanup.cleanUp()).isGreaterThanOrEqualTo(4);

		assertThat(count("identity.oauth2_authorization", "id", expired)).isZero();
		assertThat(count("identity.oauth2_authorization_token", "authorization_id", expired)).isZero();
		assertThat(count("identity.oauth2_authorization", "id", live)).isOne();
		assertThat(count("identity.oauth2_authorization_token", "token_hash", "superseded-expired")).isZero();
		assertThat(count("identity.oauth2_authorization_token", "token_hash", "superseded-live")).isOne();
		assertThat(count("identity.oauth2_authorization_token", "token_hash", "current-live")).isOne();
		assertThat(count("identity.oauth2_authorization_consent", "registered_client_id", client)).isZero();
		assertThat(count("identity.oauth2_authorization_consent", "registered_client_id", client + "-live")).isOne();
		assertThat(count("identity.revoked_tokens", "token_id", expiredJti)).isZero();
		assertThat(count("identity.revoked_tokens", "token_id", liveJti)).isOne();
	}

	private String authorization(String expiresAt) {
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("INSERT INTO identity.oauth2_authorization (id, registered_client_id, principal_name, "
				+ "authorization_grant_type, expires_at) VALUES (:id, 'c', 'p', 'client_credentials', " + expiresAt
				+ ")").param("id", id).update();
		token(id, id + "-token", expiresAt, false);
		return id;
	}

	private void token(String authorizationId, String hash, String expiresAt, boolean superseded) {
		this.jdbc.sql("INSERT INTO identity.oauth2_authorization_token (token_hash, authorization_id, token_type, "
				+ "expires_at, superseded_at) VALUES (:hash, :id, 'access_token', " + expiresAt + ", "
				+ (superseded ? "now()" : "NULL") + ")").param("hash", hash).param("id", authorizationId).update();
	}

	private void consent(String client, String expiresAt) {
		this.jdbc.sql("INSERT INTO identity.oauth2_authorization_consent (registered_client_id, principal_name, "
				+ "authorities, expires_at) VALUES (:client, 'p', 'SCOPE_profile', " + expiresAt + ")")
			.param("client", client)
			.update();
	}

	private void revoked(String jti, String expiresAt) {
		this.jdbc.sql("INSERT INTO identity.revoked_tokens (token_id, expires_at, reason) VALUES (:jti, " + expiresAt
				+ ", 'test')").param("jti", jti).update();
	}

	private int count(String table, String column, String value) {
		return this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = :value")
			.param("value", value)
			.query(Integer.class)
			.single();
	}

}
