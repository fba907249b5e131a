package ai.physical.textbook.auth.session;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The applications a user has granted access to: their consents in the authorization server's
 * {@code oauth2_authorization_consent} table, with the client's display name.
 */
@Repository
class ConnectedApps {

	/** One granted application. */
	public record ConnectedApp(String clientId, String clientName, List<String> scopes) {
	}

	private static final Logger logger = LoggerFactory.getLogger(ConnectedApps.class);

	private final JdbcClient jdbc;

	ConnectedApps(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ConnectedApp> of(UUID userId) {
		try {
			return this.jdbc.sql("""
					SELECT rc.client_id, rc.client_name, c.authorities
					FROM identity.oauth2_authorization_consent c
					JOIN identity.oauth2_registered_client rc ON rc.id = c.registered_client_id
					WHERE c.principal_name = :principal
					ORDER BY rc.client_name
					""")
				.param("principal", userId.toString())
				.query((rs, row) -> new ConnectedApp(rs.getString("client_id"), rs.getString("client_name"),
						scopes(rs.getString("authorities"))))
				.list();
		}
		catch (BadSqlGrammarException ex) {
			// The consent table belongs to the authorization-server feature; without it there is nothing to list.
			logger.warn("Connected apps unavailable: {}", ex.getMessage());
			return List.of();
		}
	}

	private static List<String> scopes(String authorities) {
		if (authorities == null || authorities.isBlank()) {
			return List.of();
		}
		return List.of(authorities.split(","))
			.stream()
			.map(String::strip)
			.map((authority) -> authority.startsWith("SCOPE_") ? authority.substring(6) : authority)
			.toList();
	}

}
