package ai.physical.textbook.auth.token;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes what can no longer be used: authorizations whose every token has expired (their tokens go with them),
 * superseded tokens past their expiry, expired consents and denylist rows of expired access tokens. Runs on every
 * instance; a transaction-scoped advisory lock lets one instance work while the others skip that round, and each
 * statement deletes a bounded batch so no lock is held for long.
 */
@Component
class ExpiredTokenCleanup {

	/** Advisory lock id of the cleanup ("textbook-clean"). */
	static final long LOCK_ID = 0x7465_7874_636c_6e00L;

	static final int BATCH = 1000;

	private static final Logger logger = LoggerFactory.getLogger(ExpiredTokenCleanup.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	ExpiredTokenCleanup(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Scheduled(initialDelayString = "${textbook.tokens.cleanup-interval-ms:600000}",
			fixedDelayString = "${textbook.tokens.cleanup-interval-ms:600000}")
	void scheduled() {
		try {
			int deleted = cleanUp();
			if (deleted > 0) {
				logger.info("Deleted {} expired authorization, token, consent and denylist rows", deleted);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Cleanup of expired tokens failed; the next run tries again", ex);
		}
	}

	/** @return rows deleted in this round, or -1 when another instance is cleaning up */
	int cleanUp() {
		Integer deleted = this.transactions.execute((status) -> {
			Boolean locked = this.jdbc.sql("SELECT pg_try_advisory_xact_lock(:id)")
				.param("id", LOCK_ID)
				.query(Boolean.class)
				.single();
			if (!Boolean.TRUE.equals(locked)) {
				return -1;
			}
			int count = deleteBatch("identity.oauth2_authorization", "id", "expires_at < now()");
			count += deleteBatch("identity.oauth2_authorization_token", "token_hash",
					"superseded_at IS NOT NULL AND expires_at < now()");
			count += this.jdbc.sql("""
					DELETE FROM identity.oauth2_authorization_consent
					WHERE (registered_client_id, principal_name) IN (
					    SELECT registered_client_id, principal_name FROM identity.oauth2_authorization_consent
					    WHERE expires_at < now() LIMIT :batch)
					""").param("batch", BATCH).update();
			count += deleteBatch("identity.revoked_tokens", "id", "expires_at < now()");
			return count;
		});
		return (deleted != null) ? deleted : 0;
	}

	private int deleteBatch(String table, String key, String condition) {
		// Table, key and condition are constants of this class, never input.
		return this.jdbc
			.sql("DELETE FROM " + table + " WHERE " + key + " IN (SELECT " + key + " FROM " + table + " WHERE "
					+ condition + " LIMIT :batch)")
			.param("batch", BATCH)
			.update();
	}

}
