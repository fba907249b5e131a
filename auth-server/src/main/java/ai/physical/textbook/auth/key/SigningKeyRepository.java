package ai.physical.textbook.auth.key;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code identity.signing_keys}.
 */
@Repository
class SigningKeyRepository {

	/** Arbitrary constant naming the advisory lock under which keys are created ("textbook-keys"). */
	static final long LOCK_ID = 0x7465_7874_6b65_7973L;

	private final JdbcClient jdbc;

	SigningKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Blocks until this transaction holds the key-creation lock (released at commit). */
	void lock() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:id)").param("id", LOCK_ID).query(Object.class).single();
	}

	/** @return whether this transaction got the key-creation lock; false when another instance holds it */
	boolean tryLock() {
		return Boolean.TRUE.equals(this.jdbc.sql("SELECT pg_try_advisory_xact_lock(:id)")
			.param("id", LOCK_ID)
			.query(Boolean.class)
			.single());
	}

	List<StoredKey> findPublished(Instant now) {
		return this.jdbc
			.sql("SELECT * FROM identity.signing_keys WHERE publish_until > :now ORDER BY activates_at DESC")
			.param("now", offset(now))
			.query(SigningKeyRepository::map)
			.list();
	}

	void insert(StoredKey key) {
		this.jdbc.sql("""
				INSERT INTO identity.signing_keys
				    (kid, algorithm, public_jwk, private_key, kek_id, created_at, activates_at, retires_at, publish_until)
				VALUES (:kid, :algorithm, :publicJwk, :privateKey, :kekId, :createdAt, :activatesAt, :retiresAt,
				        :publishUntil)
				""")
			.param("kid", key.kid())
			.param("algorithm", key.algorithm())
			.param("publicJwk", key.publicJwk())
			.param("privateKey", key.privateKey())
			.param("kekId", key.kekId())
			.param("createdAt", offset(key.createdAt()))
			.param("activatesAt", offset(key.activatesAt()))
			.param("retiresAt", offset(key.retiresAt()))
			.param("publishUntil", offset(key.publishUntil()))
			.update();
	}

	/**
	 * Ends the signing period of a key at {@code at} (when its successor activates) and keeps it published for the
	 * retention after that.
	 */
	void endSigning(String kid, Instant at, Instant publishUntil) {
		this.jdbc.sql("""
				UPDATE identity.signing_keys
				SET retires_at = :at, publish_until = greatest(:publishUntil, :at)
				WHERE kid = :kid
				""").param("kid", kid).param("at", offset(at)).param("publishUntil", offset(publishUntil)).update();
	}

	private static OffsetDateTime offset(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static StoredKey map(ResultSet rs, int row) throws SQLException {
		return new StoredKey(rs.getString("kid"), rs.getString("algorithm"), rs.getString("public_jwk"),
				rs.getString("private_key"), rs.getString("kek_id"), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("activates_at")), instant(rs.getTimestamp("retires_at")),
				instant(rs.getTimestamp("publish_until")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp.toInstant();
	}

}
