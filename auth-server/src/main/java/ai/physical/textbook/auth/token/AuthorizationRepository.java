package ai.physical.textbook.auth.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of {@code identity.oauth2_authorization} and {@code identity.oauth2_authorization_token}. Every read by token
 * is an equality lookup on the token-hash primary key; every read of a family an equality lookup on the
 * authorization id.
 */
@Repository
class AuthorizationRepository {

	private static final String FAMILY_COLUMNS = """
			a.id, a.registered_client_id, a.principal_name, a.authorization_grant_type, a.authorized_scopes,
			a.attributes, a.expires_at AS authorization_expires_at,
			t.token_hash, t.token_type, t.issued_at, t.expires_at, t.invalidated, t.superseded_at, t.jti, t.claims,
			t.metadata
			""";

	private final JdbcClient jdbc;

	AuthorizationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The authorization owning a token hash, with its current tokens, in one round trip.
	 */
	Lookup findByTokenHash(String tokenHash) {
		List<Object[]> rows = this.jdbc.sql("SELECT h.token_type AS matched_type, h.superseded_at AS matched_superseded, "
				+ FAMILY_COLUMNS + """
						FROM identity.oauth2_authorization_token h
						JOIN identity.oauth2_authorization a ON a.id = h.authorization_id
						LEFT JOIN identity.oauth2_authorization_token t
						       ON t.authorization_id = a.id AND t.superseded_at IS NULL
						WHERE h.token_hash = :hash
						""")
			.param("hash", tokenHash)
			.query((rs, row) -> new Object[] { rs.getString("matched_type"),
					rs.getTimestamp("matched_superseded") != null, mapAuthorization(rs), mapToken(rs) })
			.list();
		if (rows.isEmpty()) {
			return null;
		}
		List<TokenRow> tokens = new ArrayList<>();
		for (Object[] row : rows) {
			if (row[3] != null) {
				tokens.add((TokenRow) row[3]);
			}
		}
		return new Lookup((String) rows.get(0)[0], (Boolean) rows.get(0)[1], (AuthorizationRow) rows.get(0)[2],
				tokens);
	}

	Family findById(String id) {
		List<Object[]> rows = this.jdbc.sql("SELECT " + FAMILY_COLUMNS + """
				FROM identity.oauth2_authorization a
				LEFT JOIN identity.oauth2_authorization_token t
				       ON t.authorization_id = a.id AND t.superseded_at IS NULL
				WHERE a.id = :id
				""").param("id", id).query((rs, row) -> new Object[] { mapAuthorization(rs), mapToken(rs) }).list();
		if (rows.isEmpty()) {
			return null;
		}
		List<TokenRow> tokens = new ArrayList<>();
		for (Object[] row : rows) {
			if (row[1] != null) {
				tokens.add((TokenRow) row[1]);
			}
		}
		return new Family((AuthorizationRow) rows.get(0)[0], tokens);
	}

	/**
	 * Writes an authorization and its current tokens in one statement (one round trip, atomic on its own, no
	 * BEGIN/COMMIT): the authorization row is upserted, each token row upserted by its hash, and the family's other
	 * current tokens retired. Replaced refresh, access and ID tokens are kept as superseded rows (for reuse detection
	 * and denylisting); consumed states and codes that left the authorization are deleted. The statement's parts run
	 * on one snapshot, so the retiring parts never see the rows it inserts, and the foreign key of a new token is
	 * checked at the end of the statement, after its authorization row exists. The retiring parts touch only current
	 * rows (states and codes are never superseded), through the partial index on them.
	 */
	void save(AuthorizationRow authorization, List<TokenRow> tokens) {
		List<String> keep = tokens.isEmpty() ? List.of("") : tokens.stream().map(TokenRow::tokenHash).toList();
		StringBuilder sql = new StringBuilder("""
				WITH retired AS (
				    UPDATE identity.oauth2_authorization_token SET superseded_at = now()
				    WHERE authorization_id = :id AND superseded_at IS NULL AND token_hash NOT IN (:keep)
				      AND token_type IN ('refresh_token', 'access_token', 'id_token')
				), consumed AS (
				    DELETE FROM identity.oauth2_authorization_token
				    WHERE authorization_id = :id AND superseded_at IS NULL AND token_hash NOT IN (:keep)
				      AND token_type NOT IN ('refresh_token', 'access_token', 'id_token')
				)""");
		if (!tokens.isEmpty()) {
			sql.append("""
					, current_tokens AS (
					    INSERT INTO identity.oauth2_authorization_token
					        (token_hash, authorization_id, token_type, issued_at, expires_at, invalidated, jti, claims,
					         metadata)
					    VALUES\s""");
			for (int i = 0; i < tokens.size(); i++) {
				sql.append((i > 0) ? ", " : "")
					.append("(:hash%1$d, :id, :type%1$d, :issuedAt%1$d, :expiresAt%1$d, :invalidated%1$d, :jti%1$d, "
						.formatted(i))
					.append(":claims%1$d, :metadata%1$d)".formatted(i));
			}
			sql.append("""

					    ON CONFLICT (token_hash) DO UPDATE SET
					        invalidated = EXCLUDED.invalidated,
					        claims = EXCLUDED.claims,
					        metadata = EXCLUDED.metadata,
					        superseded_at = NULL
					    WHERE identity.oauth2_authorization_token.authorization_id = EXCLUDED.authorization_id
					)""");
		}
		sql.append("""

				INSERT INTO identity.oauth2_authorization
				    (id, registered_client_id, principal_name, authorization_grant_type, authorized_scopes, attributes,
				     expires_at)
				VALUES (:id, :clientId, :principal, :grantType, :scopes, :attributes, :expiresAt)
				ON CONFLICT (id) DO UPDATE SET
				    principal_name = EXCLUDED.principal_name,
				    authorized_scopes = EXCLUDED.authorized_scopes,
				    attributes = EXCLUDED.attributes,
				    expires_at = greatest(identity.oauth2_authorization.expires_at, EXCLUDED.expires_at)
				""");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString())
			.param("id", authorization.id())
			.param("clientId", authorization.registeredClientId())
			.param("principal", authorization.principalName())
			.param("grantType", authorization.grantType())
			.param("scopes", authorization.authorizedScopes())
			.param("attributes", authorization.attributes())
			.param("expiresAt", offset(authorization.expiresAt()))
			.param("keep", keep);
		for (int i = 0; i < tokens.size(); i++) {
			TokenRow token = tokens.get(i);
			statement = statement.param("hash" + i, token.tokenHash())
				.param("type" + i, token.tokenType())
				.param("issuedAt" + i, offset(token.issuedAt()))
				.param("expiresAt" + i, offset(token.expiresAt()))
				.param("invalidated" + i, token.invalidated())
				.param("jti" + i, token.jti())
				.param("claims" + i, token.claims())
				.param("metadata" + i, token.metadata());
		}
		statement.update();
	}

	void delete(String id) {
		this.jdbc.sql("DELETE FROM identity.oauth2_authorization WHERE id = :id").param("id", id).update();
	}

	/** Invalidates every token of one family and returns its access tokens that are still live. */
	List<RevokedAccessToken> revokeFamily(String authorizationId) {
		this.jdbc.sql("""
				UPDATE identity.oauth2_authorization_token SET invalidated = true
				WHERE authorization_id = :id AND NOT invalidated
				""").param("id", authorizationId).update();
		return liveAccessTokens(authorizationId);
	}

	/** Access tokens of one family (current and superseded) that have not expired yet. */
	List<RevokedAccessToken> liveAccessTokens(String authorizationId) {
		return this.jdbc.sql("""
				SELECT jti, expires_at FROM identity.oauth2_authorization_token
				WHERE authorization_id = :id AND token_type = 'access_token' AND jti IS NOT NULL AND expires_at > now()
				""")
			.param("id", authorizationId)
			.query((rs, row) -> new RevokedAccessToken(rs.getString("jti"), instant(rs.getTimestamp("expires_at"))))
			.list();
	}

	/** Ids of the authorizations of a principal, optionally only those of one client. */
	List<String> findIdsByPrincipal(String principalName, String registeredClientId) {
		return this.jdbc.sql("""
				SELECT id FROM identity.oauth2_authorization
				WHERE principal_name = :principal
				  AND (CAST(:clientId AS varchar) IS NULL OR registered_client_id = :clientId)
				""")
			.param("principal", principalName)
			.param("clientId", registeredClientId)
			.query(String.class)
			.list();
	}

	String principalOf(String authorizationId) {
		return this.jdbc.sql("SELECT principal_name FROM identity.oauth2_authorization WHERE id = :id")
			.param("id", authorizationId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static AuthorizationRow mapAuthorization(ResultSet rs) throws SQLException {
		return new AuthorizationRow(rs.getString("id"), rs.getString("registered_client_id"),
				rs.getString("principal_name"), rs.getString("authorization_grant_type"),
				rs.getString("authorized_scopes"), rs.getString("attributes"),
				instant(rs.getTimestamp("authorization_expires_at")));
	}

	private static TokenRow mapToken(ResultSet rs) throws SQLException {
		String hash = rs.getString("token_hash");
		if (hash == null) {
			return null;
		}
		return new TokenRow(hash, rs.getString("token_type"), instant(rs.getTimestamp("issued_at")),
				instant(rs.getTimestamp("expires_at")), rs.getBoolean("invalidated"), rs.getString("jti"),
				rs.getString("claims"), rs.getString("metadata"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static OffsetDateTime offset(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/** A row of {@code oauth2_authorization}. */
	record AuthorizationRow(String id, String registeredClientId, String principalName, String grantType,
			String authorizedScopes, String attributes, Instant expiresAt) {

	}

	/** A row of {@code oauth2_authorization_token} (current tokens only are mapped). */
	record TokenRow(String tokenHash, String tokenType, Instant issuedAt, Instant expiresAt, boolean invalidated,
			String jti, String claims, String metadata) {

	}

	/** An authorization with its current tokens. */
	record Family(AuthorizationRow authorization, List<TokenRow> tokens) {

	}

	/** The result of a lookup by token hash: what the hash matched, and its family. */
	record Lookup(String matchedType, boolean matchedSuperseded, AuthorizationRow authorization,
			List<TokenRow> tokens) {

		Family family() {
			return new Family(this.authorization, this.tokens);
		}

	}

}
