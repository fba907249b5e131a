package ai.physical.textbook.auth.revocation;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Refuses access tokens whose {@code jti} is on the denylist, wherever this server accepts its own tokens
 * ({@code /userinfo}, the JSON API): a signed, unexpired token is not enough once it was revoked.
 */
@Component
class DenylistValidator implements OAuth2TokenValidator<Jwt> {

	private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"The access token has been revoked", null);

	private final AccessTokenDenylist denylist;

	DenylistValidator(AccessTokenDenylist denylist) {
		this.denylist = denylist;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		String jti = token.getId();
		if (jti != null && this.denylist.isRevoked(jti)) {
			return OAuth2TokenValidatorResult.failure(REVOKED);
		}
		return OAuth2TokenValidatorResult.success();
	}

}
