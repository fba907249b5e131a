package ai.physical.textbook.systemtests.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints access tokens the way the auth-server does (RFC 9068, the claims of docs/architecture.md), signed by a key
 * the test controls, and forges every kind of bad token an attacker tries: {@code alg: none}, HS256 keyed with the
 * public RSA key, unknown or spoofed {@code kid}, embedded or remote keys, wrong issuer/audience/type, expired,
 * not yet valid, truncated, tampered.
 */
public final class JwtForge {

	public static final String AUDIENCE = "textbook-api";

	private final RSAKey trusted;

	private final String issuer;

	public JwtForge(String issuer) {
		this.issuer = issuer;
		this.trusted = rsaKey("trusted-" + UUID.randomUUID());
	}

	public static RSAKey rsaKey(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The JWK set a resource server should trust: only the public part of the trusted key. */
	public String publicJwkSetJson() {
		return new JWKSet(this.trusted.toPublicJWK()).toString();
	}

	public RSAKey trustedKey() {
		return this.trusted;
	}

	public String issuer() {
		return this.issuer;
	}

	/** The claims of a valid user access token with a complete profile, as the auth-server issues them. */
	public JWTClaimsSet.Builder validClaims(String userId) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(this.issuer)
			.subject(userId)
			.audience(List.of(AUDIENCE, TestClients.WEB_CLIENT_ID))
			.claim("client_id", TestClients.WEB_CLIENT_ID)
			.claim("scope", "openid profile email")
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
			.claim("email", "reader-" + userId + "@example.org")
			.claim("name", "Ada Reader")
			.claim("profileComplete", true)
			.claim("softwareBackground",
					Map.of("programmingLanguages", List.of("Python", "C++"), "frameworks", List.of("ROS 2"),
							"experienceLevel", "intermediate", "specializations", List.of("perception"),
							"yearsOfExperience", 3))
			.claim("hardwareBackground",
					Map.of("familiarPlatforms", List.of("Raspberry Pi", "Jetson"), "roboticsExperience", "hobbyist",
							"electronicsKnowledge", "basic", "preferredTools", List.of("Gazebo")))
			.claim("roles", List.of("user"));
	}

	/** A token signed by the trusted key with header {@code typ: at+jwt}. */
	public String valid(String userId) {
		return sign(validClaims(userId).build());
	}

	/** A token signed by the trusted key after changing some claims. */
	public String validWith(String userId, Consumer<JWTClaimsSet.Builder> change) {
		JWTClaimsSet.Builder claims = validClaims(userId);
		change.accept(claims);
		return sign(claims.build());
	}

	public String sign(JWTClaimsSet claims) {
		return rs256(this.trusted, header(this.trusted.getKeyID()).build(), claims);
	}

	public String signWithType(JWTClaimsSet claims, JOSEObjectType type) {
		return rs256(this.trusted, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.trusted.getKeyID()).type(type).build(),
				claims);
	}

	// --- Forgeries -------------------------------------------------------------------------------------------

	/** {@code alg: none}, no signature. */
	public String algNone(String userId) {
		String header = base64Url("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + this.trusted.getKeyID() + "\"}");
		return header + "." + base64Url(validClaims(userId).build().toString()) + ".";
	}

	/**
	 * HS256 tokens keyed with each public key of a published JWK set (the RS256/HS256 confusion attack against a real
	 * issuer whose private key the test does not hold).
	 */
	public static java.util.List<String> hs256WithPublishedKeys(String jwkSetJson, JWTClaimsSet claims) {
		try {
			java.util.List<String> tokens = new java.util.ArrayList<>();
			for (com.nimbusds.jose.jwk.JWK key : JWKSet.parse(jwkSetJson).getKeys()) {
				if (key instanceof RSAKey rsa) {
					SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID())
						.type(new JOSEObjectType("at+jwt"))
						.build(), claims);
					jwt.sign(new MACSigner(padTo32(rsa.toRSAPublicKey().getEncoded())));
					tokens.add(jwt.serialize());
				}
			}
			return tokens;
		}
		catch (JOSEException | java.text.ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code alg: none} with the given claims and {@code kid}. */
	public static String algNone(JWTClaimsSet claims, String kid) {
		return base64Url("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}") + "."
				+ base64Url(claims.toString()) + ".";
	}

	/** A real token whose payload is replaced by other claims, its signature kept. */
	public static String withPayload(String realToken, JWTClaimsSet claims) {
		String[] parts = realToken.split("\\.");
		return parts[0] + "." + base64Url(claims.toString()) + "." + parts[2];
	}

	/** HS256 keyed with the trusted public key's encoded bytes (the RS256/HS256 confusion attack). */
	public String hs256WithPublicKey(String userId) {
		try {
			byte[] secret = this.trusted.toRSAPublicKey().getEncoded();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(this.trusted.getKeyID())
				.type(new JOSEObjectType("at+jwt"))
				.build(), validClaims(userId).build());
			jwt.sign(new MACSigner(padTo32(secret)));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** HS256 keyed with the JWK set document itself, the other common confusion variant. */
	public String hs256WithJwkSetText(String userId) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(this.trusted.getKeyID())
				.type(new JOSEObjectType("at+jwt"))
				.build(), validClaims(userId).build());
			jwt.sign(new MACSigner(padTo32(publicJwkSetJson().getBytes(StandardCharsets.UTF_8))));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Signed by an attacker's key under a {@code kid} nobody published. */
	public String unknownKid(String userId) {
		RSAKey attacker = rsaKey("unknown-" + UUID.randomUUID());
		return rs256(attacker, header(attacker.getKeyID()).build(), validClaims(userId).build());
	}

	/** Signed by an attacker's key under the trusted key's {@code kid}. */
	public String spoofedKid(String userId) {
		RSAKey attacker = rsaKey(this.trusted.getKeyID());
		return rs256(attacker, header(attacker.getKeyID()).build(), validClaims(userId).build());
	}

	/** Signed by an attacker's key that the header embeds ({@code jwk}) and points at ({@code jku}). */
	public String embeddedAttackerKey(String userId) {
		RSAKey attacker = rsaKey("attacker");
		JWSHeader header = header(attacker.getKeyID()).jwk(attacker.toPublicJWK())
			.jwkURL(java.net.URI.create("http://127.0.0.1:9/attacker/jwks"))
			.build();
		return rs256(attacker, header, validClaims(userId).build());
	}

	/** ES256 by an attacker's EC key with the trusted {@code kid} (algorithm not in the allowlist). */
	public String es256(String userId) {
		try {
			ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID(this.trusted.getKeyID()).generate();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(attacker.getKeyID())
				.type(new JOSEObjectType("at+jwt"))
				.build(), validClaims(userId).build());
			jwt.sign(new ECDSASigner(attacker));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A valid token with its payload replaced (another subject, admin role) and the original signature kept. */
	public String tampered(String userId, String otherUserId) {
		String[] parts = valid(userId).split("\\.");
		String payload = base64Url(validClaims(otherUserId).claim("roles", List.of("user", "admin")).build().toString());
		return parts[0] + "." + payload + "." + parts[2];
	}

	/** A valid token cut short inside its signature. */
	public String truncatedSignature(String userId) {
		String token = valid(userId);
		return token.substring(0, token.length() - 10);
	}

	/** A valid token without its signature part. */
	public String withoutSignature(String userId) {
		String token = valid(userId);
		return token.substring(0, token.lastIndexOf('.'));
	}

	private static JWSHeader.Builder header(String kid) {
		return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(new JOSEObjectType("at+jwt"));
	}

	private static String rs256(RSAKey key, JWSHeader header, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] padTo32(byte[] secret) {
		// Nimbus refuses HMAC secrets under 256 bits; encoded RSA keys are far longer, this only guards the contract.
		return secret.length >= 32 ? secret : java.util.Arrays.copyOf(secret, 32);
	}

	static String base64Url(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
