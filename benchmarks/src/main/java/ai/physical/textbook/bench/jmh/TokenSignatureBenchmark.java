package ai.physical.textbook.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The signature of one access token, as the auth-server's {@code SigningKeyJwtEncoder} makes it and as a resource
 * server checks it: RS256 with the JDK (what it signs by default), ES256 with the JDK (what Spring's Nimbus encoder
 * and a Java 17 resource server use) and ES256 with BouncyCastle on a key converted once (what the encoder uses for
 * ES256). The signing input is a real access token's header and claims (~900 bytes); an ES256 signature is
 * transcoded from DER to JOSE's R || S, as the encoder does. Why: docs/authentication-guide.md, "RS256 or ES256 for
 * access tokens".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class TokenSignatureBenchmark {

	@Param({ "RS256-jdk", "ES256-jdk", "ES256-bouncycastle" })
	public String variant;

	byte[] signingInput;

	String jcaAlgorithm;

	Provider provider;

	PrivateKey privateKey;

	PublicKey publicKey;

	byte[] signature;

	@Setup
	public void setUp() throws Exception {
		String token = JwtValidationBenchmark.sign(new RSAKeyGenerator(2048).keyID("k").generate());
		this.signingInput = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
		KeyPair pair;
		if (this.variant.startsWith("RS256")) {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			pair = generator.generateKeyPair();
			this.jcaAlgorithm = "SHA256withRSA";
		}
		else {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			pair = generator.generateKeyPair();
			this.jcaAlgorithm = "SHA256withECDSA";
		}
		this.privateKey = pair.getPrivate();
		this.publicKey = pair.getPublic();
		if (this.variant.endsWith("bouncycastle")) {
			this.provider = new BouncyCastleProvider();
			KeyFactory factory = KeyFactory.getInstance("EC", this.provider);
			this.privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(this.privateKey.getEncoded()));
			this.publicKey = factory.generatePublic(new X509EncodedKeySpec(this.publicKey.getEncoded()));
		}
		this.signature = sign();
		if (!verify()) {
			throw new IllegalStateException(this.variant + ": the signature does not verify");
		}
	}

	@Benchmark
	public byte[] sign() throws Exception {
		Signature signer = (this.provider != null) ? Signature.getInstance(this.jcaAlgorithm, this.provider)
				: Signature.getInstance(this.jcaAlgorithm);
		signer.initSign(this.privateKey);
		signer.update(this.signingInput);
		byte[] signed = signer.sign();
		return this.jcaAlgorithm.endsWith("ECDSA") ? ECDSA.transcodeSignatureToConcat(signed, 64) : signed;
	}

	@Benchmark
	public boolean verify() throws Exception {
		Signature verifier = (this.provider != null) ? Signature.getInstance(this.jcaAlgorithm, this.provider)
				: Signature.getInstance(this.jcaAlgorithm);
		verifier.initVerify(this.publicKey);
		verifier.update(this.signingInput);
		return verifier.verify(this.jcaAlgorithm.endsWith("ECDSA")
				? ECDSA.transcodeSignatureToDER(this.signature) : this.signature);
	}

}
