package ai.physical.textbook.bench.jmh;

import java.util.Base64;

import com.nimbusds.jose.JWSHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every variant of the benchmark signs what it should: a JOSE signature of the expected size that verifies, over a
 * real token's header and claims, and that stops verifying when the input changes.
 */
class TokenSignatureBenchmarkTest {

	@ParameterizedTest
	@ValueSource(strings = { "RS256-jdk", "ES256-jdk", "ES256-bouncycastle" })
	void whenSetUpThenEachVariantSignsAJoseSignatureThatVerifiesOnlyForItsInput(String variant) throws Exception {
		TokenSignatureBenchmark benchmark = new TokenSignatureBenchmark();
		benchmark.variant = variant;
		benchmark.setUp();

		byte[] signature = benchmark.sign();
		assertThat(signature).hasSize(variant.startsWith("RS256") ? 256 : 64);
		benchmark.signature = signature;
		assertThat(benchmark.verify()).isTrue();
		String header = new String(Base64.getUrlDecoder().decode(new String(benchmark.signingInput).split("\\.")[0]));
		assertThat(JWSHeader.parse(header).getType().getType()).isEqualTo("at+jwt");

		benchmark.signingInput[benchmark.signingInput.length - 1] ^= 1;
		assertThat(benchmark.verify()).isFalse();
	}

}
