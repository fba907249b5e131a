package ai.physical.textbook.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import ai.physical.textbook.auth.support.AuthServerIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consents are kept per client and user, replaced when granted again, invisible once expired, and removable.
 */
@AuthServerIntegrationTest
class HashedConsentServiceTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void whenConsentSavedAgainThenItsScopesAreReplacedAndRemoveForgetsIt() {
		HashedConsentService consents = new HashedConsentService(this.jdbc, Duration.ofDays(365), Clock.systemUTC());
		String clientId = this.clients.findByClientId("textbook-web").getId();
		String principal = UUID.randomUUID().toString();

		consents.save(consent(clientId, principal, "SCOPE_openid", "SCOPE_profile"));
		assertThat(scopes(consents.findById(clientId, principal))).containsExactly("SCOPE_openid", "SCOPE_profile");

		consents.save(consent(clientId, principal, "SCOPE_openid"));
		assertThat(scopes(consents.findById(clientId, principal))).containsExactly("SCOPE_openid");
		assertThat(consents.findById(clientId, UUID.randomUUID().toString())).isNull();

		consents.remove(consent(clientId, principal, "SCOPE_openid"));
		assertThat(consents.findById(clientId, principal)).isNull();
	}

	@Test
	void whenConsentExpiredThenItIsAskedAgain() {
		HashedConsentService expired = new HashedConsentService(this.jdbc, Duration.ofSeconds(-1), Clock.systemUTC());
		String clientId = this.clients.findByClientId("textbook-web").getId();
		String principal = UUID.randomUUID().toString();

		expired.save(consent(clientId, principal, "SCOPE_profile"));

		assertThat(expired.findById(clientId, principal)).isNull();
	}

	private static OAuth2AuthorizationConsent consent(String clientId, String principal, String... authorities) {
		OAuth2AuthorizationConsent.Builder builder = OAuth2AuthorizationConsent.withId(clientId, principal);
		for (String authority : authorities) {
			builder.authority(new org.springframework.security.core.authority.SimpleGrantedAuthority(authority));
		}
		return builder.build();
	}

	private static java.util.List<String> scopes(OAuth2AuthorizationConsent consent) {
		assertThat(consent).isNotNull();
		return consent.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
	}

}
