package ai.physical.textbook.auth.key;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of private signing keys under the key-encryption key (KEK). The key id is the associated
 * data, so an encrypted private key cannot be moved to another row. {@link #kekId()} names the KEK without revealing
 * it (an HMAC of a constant), so that a server started with the wrong KEK says so instead of failing obscurely.
 */
final class KeyEncryption {

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec kek;

	private final String kekId;

	private final SecureRandom random = new SecureRandom();

	KeyEncryption(byte[] kek) {
		if (kek.length != 32) {
			throw new IllegalArgumentException("The key-encryption key must be 32 bytes (base64 of 32 random bytes)");
		}
		this.kek = new SecretKeySpec(kek, "AES");
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(kek, "HmacSHA256"));
			byte[] id = mac.doFinal("textbook signing-key KEK id".getBytes(StandardCharsets.UTF_8));
			this.kekId = HexFormat.of().formatHex(Arrays.copyOf(id, 16));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String kekId() {
		return this.kekId;
	}

	String encrypt(byte[] plaintext, String kid) {
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.kek, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
			byte[] ciphertext = cipher.doFinal(plaintext);
			byte[] out = new byte[IV_BYTES + ciphertext.length];
			System.arraycopy(iv, 0, out, 0, IV_BYTES);
			System.arraycopy(ciphertext, 0, out, IV_BYTES, ciphertext.length);
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a signing key", ex);
		}
	}

	/**
	 * @throws GeneralSecurityException when the KEK is wrong or the ciphertext was tampered with
	 */
	byte[] decrypt(String encrypted, String kid) throws GeneralSecurityException {
		byte[] in = Base64.getDecoder().decode(encrypted);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, this.kek, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
		cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
		return cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
	}

}
