package ai.physical.textbook.common.jwt;

import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * ES256 signatures checked with BouncyCastle's ECDSA give the same verdicts as with the JDK's; other algorithms keep
 * Nimbus's verifiers.
 */
class EcdsaVerifierFactoryTests {

	private final EcdsaVerifierFactory factory = new EcdsaVerifierFactory();

	@Test
	void whenEs256ThenBouncyCastleVerifiesWhatTheJdkVerifiesAndRejectsWhatItRejects() throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
		ECKey other = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
		SignedJWT token = sign(key);
		JWSVerifier verifier = this.factory.createJWSVerifier(token.getHeader(), key.toECPublicKey());

		assertThat(verifier).isInstanceOf(ECDSAVerifier.class);
		assertThat(verifier.getJCAContext().getProvider().getName()).isEqualTo("BC");
		assertThat(token.verify(verifier)).isTrue();
		assertThat(token.verify(new ECDSAVerifier(key))).isTrue();

		SignedJWT foreign = SignedJWT.parse(token.serialize());
		assertThat(foreign.verify(this.factory.createJWSVerifier(foreign.getHeader(), other.toECPublicKey())))
			.isFalse();
		for (String tampered : tamperings(token.serialize())) {
			SignedJWT parsed = SignedJWT.parse(tampered);
			boolean bouncyCastle = parsed.verify(this.factory.createJWSVerifier(parsed.getHeader(), key.toECPublicKey()));
			boolean jdk = parsed.verify(new ECDSAVerifier(key));
			assertThat(bouncyCastle).as(tampered).isFalse().isEqualTo(jdk);
		}
	}

	@Test
	void whenNotEs256ThenNimbusDefaultVerifiersAreUsed() throws Exception {
		RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
		SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa").build(), claims());
		token.sign(new RSASSASigner(rsa));

		JWSVerifier verifier = this.factory.createJWSVerifier(token.getHeader(), rsa.toRSAPublicKey());

		assertThat(verifier).isInstanceOf(RSASSAVerifier.class);
		assertThat(verifier.getJCAContext().getProvider()).isNull();
		assertThat(token.verify(verifier)).isTrue();
	}

	@Test
	void whenADecoderUsesTheFactoryThenEs256TokensDecodeAndForgeriesFail() throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
		NimbusJwtDecoder decoder = NimbusJwtDecoder
			.withJwkSource(new ImmutableJWKSet<SecurityContext>(new JWKSet(key.toPublicJWK())))
			.jwsAlgorithms((algorithms) -> algorithms.add(SignatureAlgorithm.ES256))
			.jwtProcessorCustomizer((processor) -> processor.setJWSVerifierFactory(this.factory))
			.build();
		String token = sign(key).serialize();

		assertThat(decoder.decode(token).getSubject()).isEqualTo("reader");
		for (String tampered : tamperings(token)) {
			assertThatExceptionOfType(BadJwtException.class).as(tampered).isThrownBy(() -> decoder.decode(tampered));
		}
	}

	private static SignedJWT sign(ECKey key) throws Exception {
		SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
				claims());
		token.sign(new ECDSASigner(key));
		return token;
	}

	private static JWTClaimsSet claims() {
		return new JWTClaimsSet.Builder().subject("reader")
			.issuer("http://localhost:9000")
			.expirationTime(new Date(System.currentTimeMillis() + 60_000))
			.build();
	}

	/** Another payload, a flipped signature bit, a truncated signature, a signature of zeros. */
	private static List<String> tamperings(String token) {
		String[] parts = token.split("\\.");
		byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
		byte[] flipped = signature.clone();
		flipped[10] ^= 1;
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String otherPayload = encoder.encodeToString("{\"sub\":\"mallory\"}".getBytes());
		return List.of(parts[0] + "." + otherPayload + "." + parts[2],
				parts[0] + "." + parts[1] + "." + encoder.encodeToString(flipped),
				parts[0] + "." + parts[1] + "." + encoder.encodeToString(Arrays.copyOf(signature, 63)),
				parts[0] + "." + parts[1] + "." + encoder.encodeToString(new byte[64]));
	}

}
