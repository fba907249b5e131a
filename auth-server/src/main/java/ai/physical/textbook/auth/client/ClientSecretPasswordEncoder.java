package ai.physical.textbook.auth.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes client secrets with SHA-256. Client secrets are required to carry at least 256 bits of entropy
 * ({@link ClientDefinition#MIN_SECRET_LENGTH}), so a fast unsalted hash is as strong as any KDF here, while BCrypt or
 * Argon2 would cap the token endpoint at a few dozen client authentications per second.
 *
 * <p>{@link #upgradeEncoding(String)} is always false: Spring's {@code ClientSecretAuthenticationProvider} re-encodes a
 * secret on its first successful use whenever the encoder asks for an upgrade, which is how a fast hash silently
 * turns into BCrypt. It is deliberately not a Spring bean: a second {@link PasswordEncoder} bean would compete with
 * the users' password encoder; the protocol configuration hands it to the client authentication provider directly.
 */
public final class ClientSecretPasswordEncoder implements PasswordEncoder {

	static final String PREFIX = "{sha256}";

	@Override
	public String encode(CharSequence rawSecret) {
		return PREFIX + HexFormat.of().formatHex(sha256(rawSecret));
	}

	@Override
	public boolean matches(CharSequence rawSecret, String encodedSecret) {
		if (rawSecret == null || encodedSecret == null || !encodedSecret.startsWith(PREFIX)) {
			return false;
		}
		byte[] expected;
		try {
			expected = HexFormat.of().parseHex(encodedSecret.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(expected, sha256(rawSecret));
	}

	@Override
	public boolean upgradeEncoding(String encodedSecret) {
		return false;
	}

	private static byte[] sha256(CharSequence value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
