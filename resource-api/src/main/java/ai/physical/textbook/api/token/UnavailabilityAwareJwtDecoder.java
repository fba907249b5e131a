package ai.physical.textbook.api.token;

import java.util.List;

import com.nimbusds.jose.KeySourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Sorts the decoder's failures into the two answers a client can act on. Spring's {@code NimbusJwtDecoder} throws a
 * plain {@link JwtException} (not a {@link BadJwtException}) when the key source fails, and Spring Security turns
 * that into an {@code AuthenticationServiceException}, which escapes the filter chain as a 500. Here a key source
 * that cannot be reached (the auth-server's JWK set cannot be fetched) becomes "temporarily unavailable" (503, see
 * {@link UnavailableDependencies}); any other decoding failure is an invalid token (401).
 */
final class UnavailabilityAwareJwtDecoder implements JwtDecoder {

	private static final Logger logger = LoggerFactory.getLogger(UnavailabilityAwareJwtDecoder.class);

	private static final OAuth2Error KEYS_UNAVAILABLE = new OAuth2Error(UnavailableDependencies.CODE,
			"The auth-server's signing keys cannot be fetched", null);

	private final JwtDecoder delegate;

	UnavailabilityAwareJwtDecoder(JwtDecoder delegate) {
		this.delegate = delegate;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		try {
			return this.delegate.decode(token);
		}
		catch (BadJwtException ex) {
			throw ex;
		}
		catch (JwtException ex) {
			if (keySourceFailed(ex)) {
				logger.warn("Cannot fetch the auth-server's JWK set: {}", ex.getMessage());
				throw new JwtValidationException(KEYS_UNAVAILABLE.getDescription(), List.of(KEYS_UNAVAILABLE));
			}
			throw new BadJwtException(ex.getMessage(), ex);
		}
	}

	private static boolean keySourceFailed(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof KeySourceException) {
				return true;
			}
		}
		return false;
	}

}
