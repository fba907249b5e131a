package ai.physical.textbook.auth.token;

import java.time.Clock;
import java.time.Instant;

import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Opaque refresh tokens (96 random bytes) with an absolute lifetime: a rotated token inherits the expiry of the one
 * it replaces, so a family ends {@code refreshTokenTimeToLive} after the sign-in however often it is refreshed. Unlike
 * Spring's generator it also issues refresh tokens to public clients, which is safe because they rotate and reuse
 * revokes the family (OAuth 2.1, RFC 9700 4.14).
 */
final class AbsoluteRefreshTokenGenerator implements OAuth2TokenGenerator<OAuth2RefreshToken> {

	private final StringKeyGenerator values = new Base64StringKeyGenerator(
			java.util.Base64.getUrlEncoder().withoutPadding(), 96);

	private final Clock clock;

	AbsoluteRefreshTokenGenerator(Clock clock) {
		this.clock = clock;
	}

	@Override
	public OAuth2RefreshToken generate(OAuth2TokenContext context) {
		if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())) {
			return null;
		}
		Instant issuedAt = this.clock.instant();
		Instant expiresAt = issuedAt.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive());
		OAuth2Authorization authorization = context.getAuthorization();
		if (authorization != null && authorization.getRefreshToken() != null
				&& authorization.getRefreshToken().getToken().getExpiresAt() != null) {
			expiresAt = authorization.getRefreshToken().getToken().getExpiresAt();
		}
		return new OAuth2RefreshToken(this.values.generateKey(), issuedAt, expiresAt);
	}

}
