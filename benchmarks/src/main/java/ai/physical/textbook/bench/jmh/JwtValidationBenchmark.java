package ai.physical.textbook.bench.jmh;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * JWT validation in-process: an RS256 (RSA-2048) access token shaped like ours ({@code typ: at+jwt}, the background
 * claims), validated as resource-api validates it: Spring's {@link NimbusJwtDecoder} over a JWK set (key selected by
 * {@code kid}), checking timestamps, issuer, audience and {@code typ}. {@code signatureOnly} is the floor: parse and verify.
 */
@State(Scope.Benchmark)
@BenchmarkMode({ Mode.Throughput, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class JwtValidationBenchmark {

	static final String ISSUER = "http://127.0.0.1:9000";

	String token;

	RSAPublicKey publicKey;

	NimbusJwtDecoder decoder;

	@Setup
	public void setUp() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		this.publicKey = (RSAPublicKey) pair.getPublic();
		RSAKey jwk = new RSAKey.Builder(this.publicKey).privateKey((RSAPrivateKey) pair.getPrivate())
			.keyID(UUID.randomUUID().toString())
			.build();
		this.token = sign(jwk);
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"), JOSEObjectType.JWT, null));
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
				new ImmutableJWKSet<>(new JWKSet(jwk.toPublicJWK()))));
		// Spring validates the claims itself: turn Nimbus's own claims verifier off, as NimbusJwtDecoder does.
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		this.decoder = new NimbusJwtDecoder(processor);
		// Timestamps, issuer, audience and typ at+jwt. Spring Security 7's createDefault() accepts only typ JWT,
		// which our access tokens (RFC 9068) are not.
		this.decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(new JwtIssuerValidator(ISSUER),
				new JwtTypeValidator("at+jwt", "JWT"), new JwtClaimValidator<List<String>>("aud",
						(aud) -> aud != null && aud.contains("textbook-api")))));
		if (!signatureOnly() || decode().getSubject() == null) {
			throw new IllegalStateException("the token does not validate");
		}
	}

	static String sign(RSAKey jwk) throws Exception {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(UUID.randomUUID().toString())
			.audience(List.of("textbook-api", "textbook-web"))
			.claim("client_id", "textbook-web")
			.claim("scope", "openid profile")
			.jwtID(UUID.randomUUID().toString())
			.issueTime(java.util.Date.from(now))
			.notBeforeTime(java.util.Date.from(now))
			.expirationTime(java.util.Date.from(now.plusSeconds(3600)))
			.claim("email", "bench-user-1@bench.example")
			.claim("name", "Bench Reader 1")
			.claim("profileComplete", true)
			.claim("softwareBackground", Map.of("programmingLanguages", List.of("Python", "C++"), "frameworks",
					List.of("ROS 2", "PyTorch"), "experienceLevel", "intermediate", "specializations",
					List.of("computer vision"), "yearsOfExperience", 4))
			.claim("hardwareBackground", Map.of("familiarPlatforms", List.of("Raspberry Pi", "Jetson Nano"),
					"roboticsExperience", "hobbyist", "electronicsKnowledge", "basic", "preferredTools",
					List.of("Gazebo")))
			.claim("roles", List.of("user"))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(jwk.getKeyID())
			.type(new JOSEObjectType("at+jwt"))
			.build(), claims);
		jwt.sign(new RSASSASigner(jwk));
		return jwt.serialize();
	}

	@Benchmark
	public Jwt decode() {
		return this.decoder.decode(this.token);
	}

	@Benchmark
	public boolean signatureOnly() throws Exception {
		return SignedJWT.parse(this.token).verify(new RSASSAVerifier(this.publicKey));
	}

}
