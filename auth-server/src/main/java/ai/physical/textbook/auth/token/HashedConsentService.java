package ai.physical.textbook.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;

/**
 * Consents in {@code identity.oauth2_authorization_consent}, valid for {@code textbook.tokens.consent-ttl} (a year by
 * default) and then asked again; expired rows are invisible here and deleted by the cleanup job.
 */
final class HashedConsentService implements OAuth2AuthorizationConsentService {

	private final JdbcClient jdbc;

	private final Duration ttl;

	private final Clock clock;

	HashedConsentService(JdbcClient jdbc, Duration ttl, Clock clock) {
		this.jdbc = jdbc;
		this.ttl = ttl;
		this.clock = clock;
	}

	@Override
	public void save(OAuth2AuthorizationConsent consent) {
		String authorities = consent.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.joining(" "));
		this.jdbc.sql("""
				INSERT INTO identity.oauth2_authorization_consent
				    (registered_client_id, principal_name, authorities, granted_at, expires_at)
				VALUES (:clientId, :principal, :authorities, now(), :expiresAt)
				ON CONFLICT (registered_client_id, principal_name) DO UPDATE SET
				    authorities = EXCLUDED.authorities, granted_at = now(), expires_at = EXCLUDED.expires_at
				""")
			.param("clientId", consent.getRegisteredClientId())
			.param("principal", consent.getPrincipalName())
			.param("authorities", authorities)
			.param("expiresAt", this.clock.instant().plus(this.ttl).atOffset(ZoneOffset.UTC))
			.update();
	}

	@Override
	public void remove(OAuth2AuthorizationConsent consent) {
		this.jdbc.sql("""
				DELETE FROM identity.oauth2_authorization_consent
				WHERE registered_client_id = :clientId AND principal_name = :principal
				""").param("clientId", consent.getRegisteredClientId()).param("principal", consent.getPrincipalName())
			.update();
	}

	@Override
	public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
		return this.jdbc.sql("""
				SELECT authorities FROM identity.oauth2_authorization_consent
				WHERE registered_client_id = :clientId AND principal_name = :principal AND expires_at > now()
				""")
			.param("clientId", registeredClientId)
			.param("principal", principalName)
			.query(String.class)
			.optional()
			.map((authorities) -> {
				Set<GrantedAuthority> granted = Arrays.stream(authorities.split(" "))
					.filter((authority) -> !authority.isBlank())
					.map(SimpleGrantedAuthority::new)
					.collect(Collectors.toCollection(LinkedHashSet::new));
				return OAuth2AuthorizationConsent.withId(registeredClientId, principalName)
					.authorities((set) -> set.addAll(granted))
					.build();
			})
			.orElse(null);
	}

}
