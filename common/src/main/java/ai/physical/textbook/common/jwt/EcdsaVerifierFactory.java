package ai.physical.textbook.common.jwt;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.proc.JWSVerifierFactory;

/**
 * Creates the verifiers of JWS signatures, with BouncyCastle's ECDSA for ES256 and Nimbus's defaults (the JDK) for
 * everything else. Java 17's ECDSA takes about 0.87 ms to verify a P-256 signature on the benchmark machine,
 * BouncyCastle's about 0.09 ms (docs/benchmarks.md, {@code TokenSignatureBenchmark}); RSA is as fast in both. The
 * signature check itself is Nimbus's {@link ECDSAVerifier} (its length and curve checks included); only the
 * provider of the arithmetic changes ({@link BouncyCastle}). Each public key is converted to BouncyCastle's form once.
 */
public final class EcdsaVerifierFactory implements JWSVerifierFactory {

	private final DefaultJWSVerifierFactory defaults = new DefaultJWSVerifierFactory();

	/** Converted keys, by their X.509 encoding; a JWK set holds a handful, replaced at each rotation. */
	private final Map<String, ECPublicKey> converted = new ConcurrentHashMap<>();

	@Override
	public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
		if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || !(key instanceof ECPublicKey publicKey)) {
			return this.defaults.createJWSVerifier(header, key);
		}
		if (this.converted.size() > 64) {
			this.converted.clear();
		}
		ECPublicKey bcKey = this.converted.computeIfAbsent(Base64.getEncoder().encodeToString(publicKey.getEncoded()),
				(encoded) -> toBouncyCastle(publicKey));
		ECDSAVerifier verifier = new ECDSAVerifier(bcKey);
		verifier.getJCAContext().setProvider(BouncyCastle.provider());
		return verifier;
	}

	private static ECPublicKey toBouncyCastle(ECPublicKey key) {
		try {
			return (ECPublicKey) KeyFactory.getInstance("EC", BouncyCastle.provider())
				.generatePublic(new X509EncodedKeySpec(key.getEncoded()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Unusable EC public key: " + ex.getMessage(), ex);
		}
	}

	@Override
	public Set<JWSAlgorithm> supportedJWSAlgorithms() {
		return this.defaults.supportedJWSAlgorithms();
	}

	@Override
	public JCAContext getJCAContext() {
		return this.defaults.getJCAContext();
	}

}
