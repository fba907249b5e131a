package ai.physical.textbook.systemtests.support;

import java.text.ParseException;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Reads the claims of a JWT the system issued (without verifying it: the system under test does that).
 */
public final class Tokens {

	private Tokens() {
	}

	public static JWTClaimsSet claims(String jwt) {
		try {
			return SignedJWT.parse(jwt).getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("Not a JWT: " + jwt, ex);
		}
	}

	public static String jti(String jwt) {
		return claims(jwt).getJWTID();
	}

	public static String subject(String jwt) {
		return claims(jwt).getSubject();
	}

}
