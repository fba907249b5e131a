package ai.physical.textbook.auth.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

import ai.physical.textbook.auth.config.RuntimeMode;

/**
 * Writes the clients declared under {@code textbook.clients.*} into the database at startup, but only those whose
 * declaration changed: each stored client carries the fingerprint of the declaration it was written from (a client
 * setting), so an unchanged client is never re-saved and several instances starting together agree.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegisteredClientSynchronizer implements ApplicationRunner {

	static final String FINGERPRINT_SETTING = "settings.client.textbook.fingerprint";

	private static final Logger logger = LoggerFactory.getLogger(RegisteredClientSynchronizer.class);

	private static final ClientSecretPasswordEncoder encoder = new ClientSecretPasswordEncoder();

	private final ClientProperties properties;

	private final RegisteredClientRepository clients;

	private final Environment environment;

	RegisteredClientSynchronizer(ClientProperties properties, RegisteredClientRepository clients,
			Environment environment) {
		this.properties = properties;
		this.clients = clients;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		synchronize();
	}

	/** @return how many clients were written */
	int synchronize() {
		int written = 0;
		for (Map.Entry<String, ClientDefinition> entry : this.properties.clients().entrySet()) {
			if (synchronize(entry.getKey(), entry.getValue())) {
				written++;
			}
		}
		return written;
	}

	private boolean synchronize(String clientId, ClientDefinition definition) {
		RegisteredClient existing = this.clients.findByClientId(clientId);
		String secretHash = secretHash(clientId, definition, existing);
		String fingerprint = fingerprint(clientId, definition, secretHash);
		if (existing != null && fingerprint.equals(existing.getClientSettings().getSetting(FINGERPRINT_SETTING))) {
			return false;
		}
		RegisteredClient.Builder builder = (existing != null) ? RegisteredClient.from(existing)
				: RegisteredClient.withId(UUID.randomUUID().toString());
		builder.clientId(clientId)
			.clientName((definition.name() != null) ? definition.name() : clientId)
			.clientSecret(secretHash)
			.clientAuthenticationMethods((methods) -> {
				methods.clear();
				if (definition.publicClient()) {
					methods.add(ClientAuthenticationMethod.NONE);
				}
				else {
					methods.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
					methods.add(ClientAuthenticationMethod.CLIENT_SECRET_POST);
				}
			})
			.authorizationGrantTypes((grants) -> {
				grants.clear();
				definition.grantTypes().forEach((grant) -> grants.add(new AuthorizationGrantType(grant)));
			})
			.redirectUris((uris) -> {
				uris.clear();
				uris.addAll(definition.redirectUris());
			})
			.postLogoutRedirectUris((uris) -> {
				uris.clear();
				uris.addAll(definition.postLogoutRedirectUris());
			})
			.scopes((scopes) -> {
				scopes.clear();
				scopes.addAll(definition.scopes());
			})
			.clientSettings(ClientSettings.builder()
				// PKCE with S256 for every client, confidential ones included (RFC 9700).
				.requireProofKey(true)
				// The device verification form cannot carry a CSRF token of the device's session, so a device
				// grant is only ever completed by an explicit consent bound to the signed-in user's state.
				.requireAuthorizationConsent(definition.requireConsent()
						|| definition.grantTypes().contains(AuthorizationGrantType.DEVICE_CODE.getValue()))
				.setting(FINGERPRINT_SETTING, fingerprint)
				.build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(definition.accessTokenTtl())
				.refreshTokenTimeToLive(definition.refreshTokenTtl())
				.reuseRefreshTokens(false)
				.authorizationCodeTimeToLive(Duration.ofMinutes(5))
				.deviceCodeTimeToLive(Duration.ofMinutes(10))
				// Whatever signs access tokens: OpenID Connect's default, which every client accepts (SigningKeys).
				.idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
				.build());
		this.clients.save(builder.build());
		logger.info("Registered client '{}' {}", clientId, (existing != null) ? "updated" : "created");
		return true;
	}

	private String secretHash(String clientId, ClientDefinition definition, RegisteredClient existing) {
		if (definition.publicClient()) {
			if (definition.hasSecret()) {
				throw new IllegalStateException("Client '" + clientId + "' is public and must not have a secret");
			}
			return null;
		}
		if (definition.hasSecret()) {
			if (definition.secret().strip().length() < ClientDefinition.MIN_SECRET_LENGTH) {
				throw new IllegalStateException("The secret of client '" + clientId + "' is shorter than "
						+ ClientDefinition.MIN_SECRET_LENGTH
						+ " characters; generate one with 256 bits of entropy, e.g. `openssl rand -base64 32`");
			}
			return encoder.encode(definition.secret().strip());
		}
		if (existing != null && existing.getClientSecret() != null) {
			return existing.getClientSecret();
		}
		if (RuntimeMode.isProduction(this.environment)) {
			throw new IllegalStateException("No secret configured for client '" + clientId
					+ "' (textbook.clients." + clientId + ".secret); production mode does not generate secrets");
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		logger.warn("""

				*****************************************************************************
				* No secret configured for client '{}' (textbook.clients.{}.secret).
				* LOCAL MODE: generated one, shown only now: {}
				* Configure it from the environment before going to production.
				*****************************************************************************""", clientId, clientId,
				generated);
		return encoder.encode(generated);
	}

	private static String fingerprint(String clientId, ClientDefinition definition, String secretHash) {
		String canonical = String.join("\n", clientId, String.valueOf(definition.name()),
				String.valueOf(definition.publicClient()), String.valueOf(secretHash),
				new TreeSet<>(definition.grantTypes()).toString(), new TreeSet<>(definition.redirectUris()).toString(),
				new TreeSet<>(definition.postLogoutRedirectUris()).toString(),
				new TreeSet<>(definition.scopes()).toString(), String.valueOf(definition.requireConsent()),
				definition.accessTokenTtl().toString(), definition.refreshTokenTtl().toString(), "RS256" /* the ID tokens' algorithm */, "v1");
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
