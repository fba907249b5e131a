package ai.physical.textbook.auth.key;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SigningKeyJwtEncoder} against Spring's {@link NimbusJwtEncoder}: the same tokens (byte for byte where the
 * signature is deterministic), signatures that Nimbus's JDK-based verifiers accept, and clear refusals.
 */
class SigningKeyJwtEncoderTests {

	static RSAKey rsa;

	static ECKey ec;

	static ImmutableJWKSet<com.nimbusds.jose.proc.SecurityContext> keys;

	@BeforeAll
	static void keys() throws Exception {
		rsa = new RSAKeyGenerator(2048).keyID("rsa-1").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
		ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1")
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.ES256)
			.generate();
		RSAKey publicOnly = new RSAKeyGenerator(2048).keyID("public-only")
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.generate()
			.toPublicJWK();
		keys = new ImmutableJWKSet<>(new JWKSet(List.of(rsa, ec, publicOnly)));
	}

	@Test
	void whenRs256ThenTheTokenIsByteForByteSpringsNimbusEncoders() throws Exception {
		JwtEncoderParameters parameters = parameters("rsa-1", SignatureAlgorithm.RS256);
		Jwt ours = new SigningKeyJwtEncoder(keys).encode(parameters);
		Jwt spring = new NimbusJwtEncoder(keys).encode(parameters);
		assertThat(ours.getTokenValue()).isEqualTo(spring.getTokenValue());
		assertThat(ours.getHeaders()).isEqualTo(spring.getHeaders());
		assertThat(ours.getClaims()).isEqualTo(spring.getClaims());
		assertThat(ours.getIssuedAt()).isEqualTo(spring.getIssuedAt());
		assertThat(ours.getExpiresAt()).isEqualTo(spring.getExpiresAt());
		assertThat(SignedJWT.parse(ours.getTokenValue()).verify(new RSASSAVerifier(rsa))).isTrue();
	}

	@Test
	void whenEs256ThenHeaderAndClaimsAreSpringsAndTheJoseSignatureVerifiesWithTheJdk() throws Exception {
		JwtEncoderParameters parameters = parameters("ec-1", SignatureAlgorithm.ES256);
		String ours = new SigningKeyJwtEncoder(keys).encode(parameters).getTokenValue();
		String spring = new NimbusJwtEncoder(keys).encode(parameters).getTokenValue();
		assertThat(ours.substring(0, ours.lastIndexOf('.'))).isEqualTo(spring.substring(0, spring.lastIndexOf('.')));
		String signature = ours.substring(ours.lastIndexOf('.') + 1);
		assertThat(Base64.getUrlDecoder().decode(signature)).as("R and S of 32 bytes each, not DER").hasSize(64);
		SignedJWT parsed = SignedJWT.parse(ours);
		assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(parsed.verify(new ECDSAVerifier(ec.toPublicJWK()))).isTrue();
	}

	@Test
	void whenASignatureOrPayloadIsAlteredThenItNoLongerVerifies() throws Exception {
		SigningKeyJwtEncoder encoder = new SigningKeyJwtEncoder(keys);
		for (String kid : List.of("rsa-1", "ec-1")) {
			String token = encoder
				.encode(parameters(kid, kid.startsWith("rsa") ? SignatureAlgorithm.RS256 : SignatureAlgorithm.ES256))
				.getTokenValue();
			String[] parts = token.split("\\.");
			String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"mallory\"}".getBytes());
			SignedJWT altered = SignedJWT.parse(parts[0] + "." + otherPayload + "." + parts[2]);
			boolean verified = kid.startsWith("rsa") ? altered.verify(new RSASSAVerifier(rsa))
					: altered.verify(new ECDSAVerifier(ec.toPublicJWK()));
			assertThat(verified).as(kid).isFalse();
		}
	}

	@Test
	void whenManyThreadsSignAtOnceThenEveryTokenVerifies() throws Exception {
		SigningKeyJwtEncoder encoder = new SigningKeyJwtEncoder(keys);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				boolean useEc = i % 2 == 0;
				results.add(threads.submit(() -> {
					String token = encoder
						.encode(parameters(useEc ? "ec-1" : "rsa-1",
								useEc ? SignatureAlgorithm.ES256 : SignatureAlgorithm.RS256))
						.getTokenValue();
					SignedJWT parsed = SignedJWT.parse(token);
					return useEc ? parsed.verify(new ECDSAVerifier(ec.toPublicJWK()))
							: parsed.verify(new RSASSAVerifier(rsa));
				}));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void whenTheKeyIsUnknownPublicOnlyOrOfAnotherTypeThenEncodingFailsNamingIt() {
		SigningKeyJwtEncoder encoder = new SigningKeyJwtEncoder(keys);
		assertThatThrownBy(() -> encoder.encode(parameters("nope", SignatureAlgorithm.RS256)))
			.isInstanceOf(JwtEncodingException.class)
			.hasMessageContaining("nope");
		assertThatThrownBy(() -> encoder.encode(parameters("public-only", SignatureAlgorithm.RS256)))
			.isInstanceOf(JwtEncodingException.class)
			.hasMessageContaining("public-only");
		assertThatThrownBy(() -> encoder.encode(parameters("ec-1", SignatureAlgorithm.RS256)))
			.isInstanceOf(JwtEncodingException.class)
			.hasMessageContaining("ec-1");
		assertThatThrownBy(() -> encoder.encode(parameters("rsa-1", SignatureAlgorithm.PS256)))
			.isInstanceOf(JwtEncodingException.class)
			.hasMessageContaining("PS256");
	}

	@Test
	void whenTheHeaderLacksAKidOrCarriesAKeyReferenceThenEncodingFails() throws Exception {
		SigningKeyJwtEncoder encoder = new SigningKeyJwtEncoder(keys);
		JwtClaimsSet claims = JwtClaimsSet.builder().subject("reader").build();
		assertThatThrownBy(() -> encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)))
			.isInstanceOf(JwtEncodingException.class)
			.hasMessageContaining("kid");
		JwsHeader withJku = JwsHeader.with(SignatureAlgorithm.RS256)
			.keyId("rsa-1")
			.jwkSetUrl("https://elsewhere.example/jwks")
			.build();
		assertThatThrownBy(() -> encoder.encode(JwtEncoderParameters.from(withJku, claims)))
			.isInstanceOf(JwtEncodingException.class)
			.hasMessageContaining("jku");
	}

	/** Every kind of claim the token customizers write: strings, a list, a map, numbers, booleans, dates. */
	private static JwtEncoderParameters parameters(String kid, SignatureAlgorithm algorithm) {
		Instant now = Instant.parse("2026-11-25T10:15:30Z");
		JwsHeader header = JwsHeader.with(algorithm).keyId(kid).type("at+jwt").header("custom", "value").build();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("http://localhost:9000")
			.subject("7d2c3f6e-1111-4a0b-9c3e-2f1d5a6b7c8d")
			.audience(List.of("textbook-api", "textbook-web"))
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plusSeconds(900))
			.id("jti-1")
			.claim("scope", "openid profile")
			.claim("software_background", Map.of("level", "intermediate", "languages", List.of("Python", "C++")))
			.claim("hardware_background", Map.of("gpu", true, "ram_gb", 16))
			.claim("auth_time", Date.from(now.minusSeconds(60)))
			.claim("name", "Zoë \"Quote\" </script>")
			.build();
		return JwtEncoderParameters.from(header, claims);
	}

}
