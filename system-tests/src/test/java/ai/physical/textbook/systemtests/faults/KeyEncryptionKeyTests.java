package ai.physical.textbook.systemtests.faults;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import ai.physical.textbook.systemtests.support.AppProcess;
import ai.physical.textbook.systemtests.support.Http;
import ai.physical.textbook.systemtests.support.SystemStack;
import ai.physical.textbook.testsupport.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In production mode the auth-server must never sign with a key it made up: without a key-encryption key, with a
 * malformed one, or with one that cannot decrypt the stored signing keys, it refuses to start and says why; with the
 * right one it starts and publishes the same keys as before.
 */
@Tag("awaiting-feature")
class KeyEncryptionKeyTests {

	static final Duration REFUSAL = Duration.ofSeconds(180);

	private final SystemStack stack = SystemStack.get();

	private AppProcess startProduction(String name, String keyEncryptionKey) {
		int port = FreePorts.next();
		Map<String, String> properties = Map.of("textbook.mode", "production", "textbook.keys.encryption-key",
				keyEncryptionKey);
		return this.stack.startAuthServer(name, port, "http://127.0.0.1:" + port, properties,
				Map.of("TEXTBOOK_MODE", "production", "TEXTBOOK_KEK", keyEncryptionKey));
	}

	/** Rows of the key tables (whatever the auth-server names them, their names contain "key"). */
	private Map<String, Long> keyRows() {
		Map<String, Long> keys = new TreeMap<>();
		this.stack.database().rowCounts().forEach((table, count) -> {
			if (table.contains("key")) {
				keys.put(table, count);
			}
		});
		return keys;
	}

	@Test
	void whenProductionModeHasNoKeyEncryptionKeyThenItRefusesToStartAndSaysWhy() {
		this.stack.authServer();
		Map<String, Long> before = keyRows();

		AppProcess auth = startProduction("auth-server-no-kek", "");

		assertThat(auth.awaitExit(REFUSAL)).as(auth.logTail(40)).isNotZero();
		assertThat(auth.log()).containsAnyOf("TEXTBOOK_KEK", "textbook.keys.encryption-key");
		assertThat(keyRows()).isEqualTo(before);
	}

	@Test
	void whenProductionModeHasAMalformedKeyEncryptionKeyThenItRefusesToStart() {
		this.stack.authServer();
		Map<String, Long> before = keyRows();

		AppProcess auth = startProduction("auth-server-short-kek", "too-short");

		assertThat(auth.awaitExit(REFUSAL)).as(auth.logTail(40)).isNotZero();
		assertThat(auth.log()).containsAnyOf("TEXTBOOK_KEK", "textbook.keys.encryption-key", "key-encryption key");
		assertThat(keyRows()).isEqualTo(before);
	}

	@Test
	void whenProductionModeHasTheWrongKeyEncryptionKeyThenItRefusesInsteadOfSigningWithAFreshKey() {
		// The shared auth-server stored its signing keys encrypted with the stack's key-encryption key.
		String jwksBefore = Http.api(this.stack.authServer().baseUrl()).get("/oauth2/jwks").body();
		Map<String, Long> before = keyRows();

		AppProcess auth = startProduction("auth-server-wrong-kek",
				java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32)));

		assertThat(auth.awaitExit(REFUSAL)).as(auth.logTail(40)).isNotZero();
		assertThat(auth.log()).containsAnyOf("TEXTBOOK_KEK", "textbook.keys.encryption-key");
		assertThat(keyRows()).isEqualTo(before);
		assertThat(Http.api(this.stack.authServer().baseUrl()).get("/oauth2/jwks").body()).isEqualTo(jwksBefore);
	}

	@Test
	void whenProductionModeHasTheRightKeyEncryptionKeyThenItStartsWithTheStoredKeys() {
		String jwks = Http.api(this.stack.authServer().baseUrl()).get("/oauth2/jwks").body();

		try (AppProcess auth = startProduction("auth-server-right-kek", this.stack.keyEncryptionKey())) {
			auth.awaitReady(SystemStack.STARTUP);
			assertThat(Http.api(auth.baseUrl()).get("/oauth2/jwks").body()).isEqualTo(jwks);
		}
	}

}
