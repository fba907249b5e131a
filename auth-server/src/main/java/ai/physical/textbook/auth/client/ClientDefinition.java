package ai.physical.textbook.auth.client;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One client as declared under {@code textbook.clients.<client-id>}.
 *
 * @param name the name shown on the consent page
 * @param publicClient true for browser and device apps that cannot keep a secret (authentication method {@code none},
 * PKCE required)
 * @param secret the client secret of a confidential client, from the environment; at least
 * {@value #MIN_SECRET_LENGTH} characters (256 bits as base64). Empty: keep the stored secret
 * @param grantTypes {@code authorization_code}, {@code refresh_token}, {@code client_credentials},
 * {@code urn:ietf:params:oauth:grant-type:device_code}
 * @param redirectUris exact redirect URIs (no patterns, RFC 9700)
 * @param postLogoutRedirectUris exact URIs allowed after RP-initiated logout
 * @param scopes scopes the client may ask for
 * @param requireConsent whether users are asked before the client gets their data
 * @param accessTokenTtl lifetime of access tokens
 * @param refreshTokenTtl absolute lifetime of a refresh-token family (rotation does not extend it)
 */
public record ClientDefinition(String name, @DefaultValue("false") boolean publicClient, String secret,
		@DefaultValue List<String> grantTypes, @DefaultValue List<String> redirectUris,
		@DefaultValue List<String> postLogoutRedirectUris, @DefaultValue List<String> scopes,
		@DefaultValue("false") boolean requireConsent, @DefaultValue("15m") Duration accessTokenTtl,
		@DefaultValue("7d") Duration refreshTokenTtl) {

	/** 32 random bytes in base64 are 43 or 44 characters; shorter secrets cannot carry 256 bits. */
	public static final int MIN_SECRET_LENGTH = 43;

	boolean hasSecret() {
		return this.secret != null && !this.secret.isBlank();
	}

}
