package ai.physical.textbook.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The one-way form in which tokens, codes and states are stored and looked up: SHA-256, base64url without padding
 * (43 characters). Every bearer value issued here carries at least 128 random bits (JWTs carry a random {@code jti}
 * and a signature), so no salt or slow hash is needed for the hash to be useless to someone holding a dump.
 */
public final class TokenHashes {

	private TokenHashes() {
	}

	/**
	 * @param token a raw token value
	 * @return its hash, as stored in {@code identity.oauth2_authorization_token.token_hash}
	 */
	public static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
