package ai.physical.textbook.auth.session;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import ai.physical.textbook.auth.token.TokenFamilies;

/**
 * The applications that can act for a user: those the user consented to, and those holding a live refresh or access
 * token (first-party clients such as the textbook reader skip the consent screen, yet the reader must be able to
 * see and disconnect them).
 */
@Repository
class ConnectedApps {

	/** One connected application; {@code registeredClientId} is the registration's key, {@code clientId} its name. */
	record ConnectedApp(String registeredClientId, String clientId, String clientName, List<String> scopes) {
	}

	static final String DISCONNECTED = "app_disconnected";

	private final JdbcClient jdbc;

	private final OAuth2AuthorizationConsentService consents;

	private final TokenFamilies families;

	ConnectedApps(JdbcClient jdbc, OAuth2AuthorizationConsentService consents, TokenFamilies families) {
		this.jdbc = jdbc;
		this.consents = consents;
		this.families = families;
	}

	List<ConnectedApp> of(UUID userId) {
		// Scopes: what the user consented to, else what the live grants carry (space-separated, as stored).
		return this.jdbc.sql("""
				SELECT rc.id, rc.client_id, rc.client_name, c.authorities, live.scopes
				FROM identity.oauth2_registered_client rc
				LEFT JOIN identity.oauth2_authorization_consent c
				       ON c.registered_client_id = rc.id AND c.principal_name = :principal AND c.expires_at > now()
				LEFT JOIN LATERAL (
				    SELECT string_agg(DISTINCT a.authorized_scopes, ' ') AS scopes
				    FROM identity.oauth2_authorization a
				    WHERE a.principal_name = :principal AND a.registered_client_id = rc.id
				      AND EXISTS (SELECT 1 FROM identity.oauth2_authorization_token t
				                  WHERE t.authorization_id = a.id AND NOT t.invalidated AND t.expires_at > now()
				                    AND t.token_type IN ('refresh_token', 'access_token'))
				) live ON true
				WHERE c.principal_name IS NOT NULL OR live.scopes IS NOT NULL
				ORDER BY rc.client_name
				""")
			.param("principal", userId.toString())
			.query((rs, row) -> new ConnectedApp(rs.getString("id"), rs.getString("client_id"),
					rs.getString("client_name"),
					(rs.getString("authorities") != null) ? consentedScopes(rs.getString("authorities"))
							: grantedScopes(rs.getString("scopes"))))
			.list();
	}

	/**
	 * Disconnects one application: its consent is removed (it has to ask again) and every grant it holds for the user
	 * is revoked (refresh tokens stop working, live access tokens are denylisted), in one transaction.
	 * @return the application that was disconnected, empty when the user had not connected it
	 */
	@Transactional
	Optional<ConnectedApp> disconnect(UUID userId, String clientId) {
		Optional<ConnectedApp> app = of(userId).stream().filter((candidate) -> candidate.clientId().equals(clientId)).findFirst();
		app.ifPresent((connected) -> {
			OAuth2AuthorizationConsent consent = this.consents.findById(connected.registeredClientId(), userId.toString());
			if (consent != null) {
				this.consents.remove(consent);
			}
			this.families.revokeAllOfUserForClient(userId, connected.registeredClientId(), DISCONNECTED);
		});
		return app;
	}

	private static List<String> consentedScopes(String authorities) {
		return Arrays.stream(authorities.split(","))
			.map(String::strip)
			.filter((authority) -> !authority.isEmpty())
			.map((authority) -> authority.startsWith("SCOPE_") ? authority.substring(6) : authority)
			.toList();
	}

	private static List<String> grantedScopes(String scopes) {
		return Arrays.stream(scopes.split(" ")).filter((scope) -> !scope.isEmpty()).distinct().sorted().toList();
	}

}
