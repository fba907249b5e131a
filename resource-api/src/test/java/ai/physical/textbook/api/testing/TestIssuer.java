package ai.physical.textbook.api.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the auth-server's token side, for full tests: real keys generated for this JVM, a real JWK set served
 * over HTTP at {@code <issuer>/oauth2/jwks}, and tokens signed like the auth-server's (RFC 9068, claims as in
 * docs/architecture.md). resource-api validates them with its production decoder; nothing is mocked.
 */
public final class TestIssuer {

	public static final String AUDIENCE = "textbook-api";

	public static final String CLIENT_ID = "textbook-web";

	private static final TestIssuer INSTANCE = start();

	private final HttpServer server;

	private final RSAKey rsaKey;

	private final ECKey ecKey;

	private final List<JWK> published = new CopyOnWriteArrayList<>();

	private final AtomicInteger jwksRequests = new AtomicInteger();

	private volatile boolean jwkSetDown;

	private TestIssuer(HttpServer server, RSAKey rsaKey, ECKey ecKey) {
		this.server = server;
		this.rsaKey = rsaKey;
		this.ecKey = ecKey;
		this.published.add(rsaKey.toPublicJWK());
		this.published.add(ecKey.toPublicJWK());
	}

	public static TestIssuer get() {
		return INSTANCE;
	}

	private static TestIssuer start() {
		try {
			RSAKey rsa = new RSAKeyGenerator(2048).keyID("test-rsa-1").generate();
			ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("test-ec-1").generate();
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			TestIssuer issuer = new TestIssuer(server, rsa, ec);
			server.createContext("/oauth2/jwks", (exchange) -> {
				issuer.jwksRequests.incrementAndGet();
				if (issuer.jwkSetDown) {
					exchange.sendResponseHeaders(503, -1);
					exchange.close();
					return;
				}
				byte[] body = new JWKSet(List.copyOf(issuer.published)).toString(true)
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "stop-test-issuer"));
			return issuer;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot start the test issuer", ex);
		}
	}

	/** The issuer identifier; the JWK set is at {@code <issuer>/oauth2/jwks}. */
	public String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** How many times the JWK set was fetched. */
	public int jwksRequests() {
		return this.jwksRequests.get();
	}

	/** Makes the JWK set endpoint answer 503 (the auth-server in trouble) or serve the keys again. */
	public void jwkSetDown(boolean down) {
		this.jwkSetDown = down;
	}

	/** Generates a new RSA key, publishes it (as after a key rotation) and returns it for signing. */
	public RSAKey rotateInNewKey(String kid) throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID(kid).generate();
		this.published.add(key.toPublicJWK());
		return key;
	}

	/** Generates an RSA key that is never published. */
	public static RSAKey unpublishedKey() throws Exception {
		return new RSAKeyGenerator(2048).keyID("test-rsa-1").generate();
	}

	/** Standard claims of a user's access token; customize further before signing. */
	public JWTClaimsSet.Builder userClaims(UUID userId) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(issuer())
			.subject(userId.toString())
			.audience(List.of(AUDIENCE, CLIENT_ID))
			.claim("client_id", CLIENT_ID)
			.claim("scope", "openid profile")
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
			.claim("email", "reader-" + userId + "@example.org")
			.claim("name", "Test Reader")
			.claim("roles", List.of("user"));
	}

	/** A reader's claims with a complete profile. */
	public JWTClaimsSet.Builder readerClaims(UUID userId, Map<String, Object> software, Map<String, Object> hardware) {
		return userClaims(userId).claim("profileComplete", true)
			.claim("softwareBackground", software)
			.claim("hardwareBackground", hardware);
	}

	/** Signs claims with the published RSA key, as the auth-server does (RS256, typ at+jwt). */
	public String sign(JWTClaimsSet claims) {
		return sign(claims, JWSAlgorithm.RS256, this.rsaKey, new JOSEObjectType("at+jwt"));
	}

	/** Signs claims with the published EC key (ES256). */
	public String signEs256(JWTClaimsSet claims) {
		return sign(claims, JWSAlgorithm.ES256, this.ecKey, new JOSEObjectType("at+jwt"));
	}

	/** Signs with a chosen algorithm, key and {@code typ}. */
	public static String sign(JWTClaimsSet claims, JWSAlgorithm algorithm, JWK key, JOSEObjectType type) {
		try {
			JWSSigner signer = (key instanceof RSAKey rsa) ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(type).build(),
					claims);
			jwt.sign(signer);
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The published RSA key, for tests that sign with other headers. */
	public RSAKey rsaKey() {
		return this.rsaKey;
	}

	/** Signs with HMAC using a secret (an algorithm the allowlist rejects). */
	public static String signHs256(JWTClaimsSet claims, String kid) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).type(new JOSEObjectType("at+jwt")).build(),
					claims);
			jwt.sign(new MACSigner("0123456789abcdef0123456789abcdef0123456789abcdef"));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A typical complete software background claim. */
	public static Map<String, Object> software(List<String> languages, List<String> frameworks, String level,
			List<String> specializations, int years) {
		return Map.of("programmingLanguages", languages, "frameworks", frameworks, "experienceLevel", level,
				"specializations", specializations, "yearsOfExperience", years);
	}

	/** A typical complete hardware background claim. */
	public static Map<String, Object> hardware(List<String> platforms, String robotics, String electronics,
			List<String> tools) {
		return Map.of("familiarPlatforms", platforms, "roboticsExperience", robotics, "electronicsKnowledge",
				electronics, "preferredTools", tools);
	}

}
