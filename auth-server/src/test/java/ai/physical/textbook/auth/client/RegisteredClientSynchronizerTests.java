package ai.physical.textbook.auth.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import ai.physical.textbook.auth.support.AuthServerIntegrationTest;
import ai.physical.textbook.auth.support.TestSecrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Clients declared in configuration reach the database once, hashed, and are rewritten only when they change.
 */
@AuthServerIntegrationTest
class RegisteredClientSynchronizerTests {

	@Autowired
	RegisteredClientSynchronizer synchronizer;

	@Autowired
	RegisteredClientRepository clients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Test
	void whenServerStartedThenDeclaredClientsAreStoredWithHashedSecretsAndPkce() {
		RegisteredClient web = this.clients.findByClientId("textbook-web");
		assertThat(web.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.NONE);
		assertThat(web.getRedirectUris()).containsExactlyInAnyOrder("http://localhost:8081/",
				"http://localhost:8081/callback.html");
		assertThat(web.getPostLogoutRedirectUris()).containsExactly("http://localhost:8081/");
		assertThat(web.getClientSettings().isRequireProofKey()).isTrue();
		assertThat(web.getTokenSettings().isReuseRefreshTokens()).isFalse();
		assertThat(web.getTokenSettings().getAccessTokenTimeToLive()).isEqualTo(Duration.ofMinutes(15));
		assertThat(web.getTokenSettings().getRefreshTokenTimeToLive()).isEqualTo(Duration.ofDays(7));
		assertThat(web.getTokenSettings().getAuthorizationCodeTimeToLive()).isEqualTo(Duration.ofMinutes(5));

		RegisteredClient service = this.clients.findByClientId(TestSecrets.SERVICE_CLIENT);
		assertThat(service.getClientSecret()).startsWith("{sha256}")
			.isNotEqualTo(TestSecrets.SERVICE_CLIENT_SECRET)
			.isEqualTo(new ClientSecretPasswordEncoder().encode(TestSecrets.SERVICE_CLIENT_SECRET));
		assertThat(this.clients.findByClientId(TestSecrets.RESOURCE_API_CLIENT)).isNotNull();
	}

	@Test
	void whenNothingChangedThenNoClientIsRewritten() {
		long before = rowVersion("textbook-web") + rowVersion(TestSecrets.SERVICE_CLIENT);

		assertThat(this.synchronizer.synchronize()).isZero();

		assertThat(rowVersion("textbook-web") + rowVersion(TestSecrets.SERVICE_CLIENT)).isEqualTo(before);
	}

	@Test
	void whenDeclarationChangesThenOnlyThatClientIsRewrittenKeepingItsId() {
		String clientId = "test-" + UUID.randomUUID();
		String secret = UUID.randomUUID() + "-" + UUID.randomUUID();
		ClientDefinition v1 = definition(secret, List.of("textbook.api"));
		assertThat(synchronizer(clientId, v1).synchronize()).isOne();
		String id = this.clients.findByClientId(clientId).getId();
		assertThat(synchronizer(clientId, v1).synchronize()).isZero();

		assertThat(synchronizer(clientId, definition(secret, List.of("textbook.api", "other"))).synchronize()).isOne();

		RegisteredClient updated = this.clients.findByClientId(clientId);
		assertThat(updated.getId()).isEqualTo(id);
		assertThat(updated.getScopes()).containsExactlyInAnyOrder("textbook.api", "other");
	}

	@Test
	void whenSecretIsTooShortOrPublicClientHasOneThenRefused() {
		ClientDefinition weak = new ClientDefinition("Weak", false, "short-secret", List.of("client_credentials"),
				List.of(), List.of(), List.of("textbook.api"), false, Duration.ofMinutes(15), Duration.ofDays(7));
		assertThatIllegalStateException().isThrownBy(() -> synchronizer("weak-" + UUID.randomUUID(), weak)
			.synchronize()).withMessageContaining("openssl rand -base64 32");
		ClientDefinition publicWithSecret = new ClientDefinition("Public", true, TestSecrets.SERVICE_CLIENT_SECRET,
				List.of("authorization_code"), List.of("http://localhost/"), List.of(), List.of("openid"), false,
				Duration.ofMinutes(15), Duration.ofDays(7));
		assertThatIllegalStateException().isThrownBy(() -> synchronizer("pub-" + UUID.randomUUID(), publicWithSecret)
			.synchronize()).withMessageContaining("public");
	}

	private RegisteredClientSynchronizer synchronizer(String clientId, ClientDefinition definition) {
		return new RegisteredClientSynchronizer(new ClientProperties(Map.of(clientId, definition)), this.clients,
				this.environment);
	}

	private static ClientDefinition definition(String secret, List<String> scopes) {
		return new ClientDefinition("Test", false, secret, List.of("client_credentials"),
				List.of(), List.of(), scopes, false, Duration.ofMinutes(15), Duration.ofDays(7));
	}

	/** PostgreSQL's row version: changes whenever the row is rewritten. */
	private long rowVersion(String clientId) {
		return this.jdbc.sql("SELECT xmin::text::bigint FROM identity.oauth2_registered_client WHERE client_id = :id")
			.param("id", clientId)
			.query(Long.class)
			.single();
	}

}
