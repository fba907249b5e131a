package ai.physical.textbook.auth.key;

import java.time.Instant;

/**
 * A row of {@code identity.signing_keys}.
 */
record StoredKey(String kid, String algorithm, String publicJwk, String privateKey, String kekId, Instant createdAt,
		Instant activatesAt, Instant retiresAt, Instant publishUntil) {

}
