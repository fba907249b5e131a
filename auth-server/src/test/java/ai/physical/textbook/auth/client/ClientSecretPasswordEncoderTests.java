package ai.physical.textbook.auth.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client-secret hash: SHA-256, never "upgraded" to a slow hash.
 */
class ClientSecretPasswordEncoderTests {

	final ClientSecretPasswordEncoder encoder = new ClientSecretPasswordEncoder();

	@Test
	void whenSecretMatchesThenTrueAndOtherwiseFalse() {
		String hash = this.encoder.encode("a-secret-with-256-bits-of-entropy-aaaaaaaaaa");
		assertThat(hash).startsWith("{sha256}").hasSize("{sha256}".length() + 64);
		assertThat(this.encoder.matches("a-secret-with-256-bits-of-entropy-aaaaaaaaaa", hash)).isTrue();
		assertThat(this.encoder.matches("a-secret-with-256-bits-of-entropy-aaaaaaaaab", hash)).isFalse();
		assertThat(this.encoder.matches("x", null)).isFalse();
		assertThat(this.encoder.matches("x", "{bcrypt}$2a$10$abc")).isFalse();
		assertThat(this.encoder.matches("x", "{sha256}not-hex")).isFalse();
	}

	@Test
	void whenAskedToUpgradeThenNeverDoes() {
		assertThat(this.encoder.upgradeEncoding(this.encoder.encode("s"))).isFalse();
		assertThat(this.encoder.upgradeEncoding("{noop}s")).isFalse();
	}

}
