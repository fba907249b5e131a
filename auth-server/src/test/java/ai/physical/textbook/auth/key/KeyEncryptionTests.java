package ai.physical.textbook.auth.key;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AES-GCM encryption of private keys and the key-encryption-key rules of local and production mode.
 */
class KeyEncryptionTests {

	static final byte[] KEK_A = new byte[32];

	static final byte[] KEK_B = new byte[32];

	static {
		KEK_B[0] = 1;
	}

	@Test
	void whenDecryptedWithTheSameKeyAndKidThenPlaintextComesBack() throws Exception {
		KeyEncryption encryption = new KeyEncryption(KEK_A);
		String encrypted = encryption.encrypt("private".getBytes(StandardCharsets.UTF_8), "kid-1");
		assertThat(encrypted).doesNotContain("private");
		assertThat(new String(encryption.decrypt(encrypted, "kid-1"), StandardCharsets.UTF_8)).isEqualTo("private");
	}

	@Test
	void whenDecryptedWithAnotherKeyOrMovedToAnotherKidThenFails() {
		String encrypted = new KeyEncryption(KEK_A).encrypt(new byte[] { 1, 2, 3 }, "kid-1");
		assertThatThrownBy(() -> new KeyEncryption(KEK_B).decrypt(encrypted, "kid-1"))
			.isInstanceOf(GeneralSecurityException.class);
		assertThatThrownBy(() -> new KeyEncryption(KEK_A).decrypt(encrypted, "kid-2"))
			.isInstanceOf(GeneralSecurityException.class);
		assertThat(new KeyEncryption(KEK_A).kekId()).isNotEqualTo(new KeyEncryption(KEK_B).kekId())
			.hasSize(32);
	}

	@Test
	void whenProductionHasNoKeyEncryptionKeyThenStartupIsRefusedWithAClearMessage() {
		assertThatIllegalStateException().isThrownBy(() -> KeyConfig.keyEncryption(properties(null), true))
			.withMessageContaining("TEXTBOOK_KEK")
			.withMessageContaining("openssl rand -base64 32");
		assertThatIllegalStateException().isThrownBy(() -> KeyConfig.keyEncryption(properties("  "), true));
	}

	@Test
	void whenLocalModeHasNoKeyEncryptionKeyThenOneIsGenerated() {
		KeyEncryption first = KeyConfig.keyEncryption(properties(null), false);
		KeyEncryption second = KeyConfig.keyEncryption(properties(null), false);
		assertThat(first.kekId()).isNotEqualTo(second.kekId());
	}

	@Test
	void whenKeyEncryptionKeyMalformedThenRefusedInEveryMode() {
		assertThatIllegalStateException().isThrownBy(() -> KeyConfig.keyEncryption(properties("not base64!"), false))
			.withMessageContaining("base64");
		String short16 = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatIllegalStateException().isThrownBy(() -> KeyConfig.keyEncryption(properties(short16), false))
			.withMessageContaining("32 bytes");
	}

	@Test
	void whenAlgorithmUnknownThenPropertiesAreRejected() {
		assertThatThrownBy(() -> new KeyProperties(null, "HS256", Duration.ofDays(30), Duration.ofDays(1),
				Duration.ofHours(2), Duration.ofSeconds(30)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("RS256 or ES256");
	}

	static KeyProperties properties(String kek) {
		return new KeyProperties(kek, "RS256", Duration.ofDays(30), Duration.ofDays(1), Duration.ofHours(2),
				Duration.ofSeconds(30));
	}

}
