package ai.physical.textbook.auth.support;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;

/**
 * Reads (without verifying) the header and claims of a JWT, for assertions.
 */
public final class Jwts {

	private Jwts() {
	}

	public static SignedJWT parse(String jwt) {
		try {
			return SignedJWT.parse(jwt);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("Not a JWT: " + jwt, ex);
		}
	}

	public static Map<String, Object> claims(String jwt) {
		try {
			return parse(jwt).getJWTClaimsSet().toJSONObject();
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
