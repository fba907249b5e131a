package ai.physical.textbook.auth.key;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

import ai.physical.textbook.auth.config.RuntimeMode;

/**
 * The key-encryption key and the signing keys.
 */
@Configuration(proxyBeanMethods = false)
class KeyConfig {

	private static final Logger logger = LoggerFactory.getLogger(KeyConfig.class);

	@Bean
	SigningKeys signingKeys(SigningKeyRepository repository, TransactionTemplate transactions,
			KeyProperties properties, Environment environment) {
		boolean production = RuntimeMode.isProduction(environment);
		SigningKeys keys = new SigningKeys(repository, transactions, keyEncryption(properties, production),
				properties, Clock.systemUTC());
		keys.initialize(production);
		return keys;
	}

	static KeyEncryption keyEncryption(KeyProperties properties, boolean production) {
		String configured = properties.encryptionKey();
		if (configured == null || configured.isBlank()) {
			if (production) {
				throw new IllegalStateException("No key-encryption key configured. Production mode requires "
						+ "TEXTBOOK_KEK (textbook.keys.encryption-key): base64 of 32 random bytes, "
						+ "e.g. `openssl rand -base64 32`, the same on every instance.");
			}
			byte[] generated = new byte[32];
			new SecureRandom().nextBytes(generated);
			logger.warn("""

					*****************************************************************************
					* No key-encryption key configured (TEXTBOOK_KEK / textbook.keys.encryption-key).
					* LOCAL MODE: using a random one for this run only. Signing keys created now
					* cannot be decrypted after a restart, so a new key will be created then.
					* Set TEXTBOOK_KEK (openssl rand -base64 32) for anything but a quick try.
					*****************************************************************************""");
			return new KeyEncryption(generated);
		}
		byte[] decoded;
		try {
			decoded = Base64.getDecoder().decode(configured.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("TEXTBOOK_KEK (textbook.keys.encryption-key) is not valid base64");
		}
		if (decoded.length != 32) {
			throw new IllegalStateException("TEXTBOOK_KEK (textbook.keys.encryption-key) must decode to 32 bytes, "
					+ "not " + decoded.length + "; generate it with `openssl rand -base64 32`");
		}
		return new KeyEncryption(decoded);
	}

}
