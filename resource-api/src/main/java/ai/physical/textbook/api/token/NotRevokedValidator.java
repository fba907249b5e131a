package ai.physical.textbook.api.token;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Rejects access tokens whose {@code jti} is on the denylist. It runs after the signature, issuer, audience and
 * expiry checks, so forged or expired tokens never cost a lookup.
 *
 * <p>When the denylist cannot be read at all (Redis and PostgreSQL both unavailable), the request fails closed.
 */
public final class NotRevokedValidator implements OAuth2TokenValidator<Jwt> {

	private static final Logger logger = LoggerFactory.getLogger(NotRevokedValidator.class);

	/**
	 * The error reported when neither store of the denylist answers. The request fails closed, and the error handler
	 * answers 503 rather than "token invalid" so that clients keep their token and retry.
	 */
	public static final String DENYLIST_UNAVAILABLE_CODE = UnavailableDependencies.CODE;

	private static final OAuth2Error DENYLIST_UNAVAILABLE = new OAuth2Error(DENYLIST_UNAVAILABLE_CODE,
			"The token denylist cannot be read", null);

	private final RevocationDenylist denylist;

	NotRevokedValidator(RevocationDenylist denylist) {
		this.denylist = denylist;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		String jti = token.getId();
		if (jti == null || jti.isBlank()) {
			return OAuth2TokenValidatorResult.failure(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token has no jti claim", null));
		}
		boolean revoked;
		try {
			revoked = this.denylist.isRevoked(jti);
		}
		catch (DataAccessException ex) {
			logger.error("Cannot read the token denylist from Redis or PostgreSQL", ex);
			return OAuth2TokenValidatorResult.failure(DENYLIST_UNAVAILABLE);
		}
		if (revoked) {
			return OAuth2TokenValidatorResult
				.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token has been revoked", null));
		}
		return OAuth2TokenValidatorResult.success();
	}

}
