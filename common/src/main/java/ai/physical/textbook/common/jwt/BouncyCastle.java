package ai.physical.textbook.common.jwt;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * BouncyCastle as a provider object for the ECDSA of ES256 tokens, never registered with the JVM, so that nothing
 * else (TLS, the JDK's own keys) changes provider.
 */
public final class BouncyCastle {

	private BouncyCastle() {
	}

	/** Created on first use only: constructing the provider registers hundreds of algorithms. */
	public static Provider provider() {
		return Holder.PROVIDER;
	}

	private static final class Holder {

		static final Provider PROVIDER = new BouncyCastleProvider();

	}

}
