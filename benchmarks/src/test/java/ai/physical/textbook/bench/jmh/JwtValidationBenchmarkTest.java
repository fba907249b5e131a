package ai.physical.textbook.bench.jmh;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The benchmark measures a real validation: its token validates, with our claims, and a tampered one does not.
 */
class JwtValidationBenchmarkTest {

	@Test
	void whenSetUpThenTheBenchmarkedTokenValidatesWithOurClaims() throws Exception {
		JwtValidationBenchmark benchmark = new JwtValidationBenchmark();
		benchmark.setUp();

		assertThat(benchmark.signatureOnly()).isTrue();
		assertThat(benchmark.decode().getClaimAsStringList("roles")).containsExactly("user");
		assertThat(benchmark.decode().getIssuer().toString()).isEqualTo(JwtValidationBenchmark.ISSUER);
	}

	@Test
	void whenSignatureTamperedThenBothPathsReject() throws Exception {
		JwtValidationBenchmark benchmark = new JwtValidationBenchmark();
		benchmark.setUp();
		String[] parts = benchmark.token.split("\\.");
		benchmark.token = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

		assertThat(benchmark.signatureOnly()).isFalse();
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(benchmark::decode);
	}

}
