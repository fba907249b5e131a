package ai.physical.textbook.api.token;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import ai.physical.textbook.api.config.ResourceApiProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The production decoder against a real JWK endpoint on loopback that counts its fetches and can fail on demand: an
 * unknown {@code kid} is an invalid token (never a server error) and costs at most the rate limiter's fetches; a key
 * rotated in is picked up; a key removed from the set is dropped when the cache runs out; an issuer that cannot be
 * reached when a fetch is needed is "temporarily unavailable".
 */
class AuthServerKeysTests {

	private static final String AUDIENCE = "textbook-api";

	/** One stranger's key pair; tokens get their made-up kids from cheap copies of it. */
	private static final RSAKey STRANGER = generate("stranger");

	private final List<JWK> published = new CopyOnWriteArrayList<>();

	private final AtomicInteger fetches = new AtomicInteger();

	private volatile boolean failing;

	private HttpServer server;

	private RSAKey signingKey;

	private AuthServerKeys keys;

	@BeforeEach
	void startJwkEndpoint() throws Exception {
		this.signingKey = generate("current");
		this.published.add(this.signingKey.toPublicJWK());
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/oauth2/jwks", (exchange) -> {
			this.fetches.incrementAndGet();
			byte[] body = this.failing ? "down".getBytes(StandardCharsets.UTF_8)
					: new JWKSet(List.copyOf(this.published)).toString(true).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(this.failing ? 503 : 200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() throws IOException {
		if (this.keys != null) {
			this.keys.close();
		}
		this.server.stop(0);
	}

	@Test
	void whenManyTokensHaveUnknownKidsThenEachIsInvalidAndTheSetIsFetchedAtMostTwicePerInterval() {
		JwtDecoder decoder = decoder(Duration.ofHours(2), Duration.ofHours(1));
		decoder.decode(sign(this.signingKey));
		assertThat(this.fetches).hasValue(1);

		for (int i = 0; i < 20; i++) {
			JwtException rejected = catchThrowableOfType(JwtException.class,
					() -> decoder.decode(sign(rsaKey("made-up-" + UUID.randomUUID()))));
			assertThat(rejected).as("token %d", i).isInstanceOf(BadJwtException.class);
			assertThat(UnavailableDependencies.isUnavailable(rejected)).isFalse();
		}

		// The first unknown kid may be a rotation and gets one refetch; the others find the limit reached.
		assertThat(this.fetches).hasValue(2);
		assertThat(decoder.decode(sign(this.signingKey)).getSubject()).isNotBlank();
	}

	@Test
	void whenTheAuthServerRotatesInANewKeyThenTokensSignedWithItAreAccepted() {
		JwtDecoder decoder = decoder(Duration.ofMinutes(5), Duration.ofMillis(200));
		decoder.decode(sign(this.signingKey));
		// Spend the refetches of this interval on made-up kids first.
		for (int i = 0; i < 3; i++) {
			catchThrowableOfType(BadJwtException.class, () -> decoder.decode(sign(rsaKey("made-up"))));
		}

		RSAKey rotated = generate("rotated");
		this.published.add(rotated.toPublicJWK());
		String token = sign(rotated);

		// Accepted as soon as a refetch is allowed again (the next interval at the latest).
		Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
			.until(() -> decoder.decode(token) != null);
	}

	@Test
	void whenAKeyIsRemovedFromTheSetThenTokensSignedWithItAreRejectedOnceTheCacheRunsOut() {
		JwtDecoder decoder = decoder(Duration.ofSeconds(1), Duration.ofMillis(100));
		String token = sign(this.signingKey);
		decoder.decode(token);

		// A compromised key is withdrawn: no unknown kid will ever make the resource server look again.
		this.published.clear();
		this.published.add(generate("replacement").toPublicJWK());

		Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
			try {
				decoder.decode(token);
				return false;
			}
			catch (BadJwtException ex) {
				return true;
			}
		});
	}

	@Test
	void whenTheIssuerCannotBeReachedForAFetchThenTemporarilyUnavailableAndCachedKeysStillWork() {
		JwtDecoder decoder = decoder(Duration.ofHours(2), Duration.ofHours(1));
		decoder.decode(sign(this.signingKey));
		this.failing = true;

		// An unknown kid needs a refetch, which fails: the client should retry, not drop its token.
		JwtException unknownKid = catchThrowableOfType(JwtException.class,
				() -> decoder.decode(sign(rsaKey("rotated-while-down"))));
		assertThat(UnavailableDependencies.isUnavailable(unknownKid)).as(unknownKid.toString()).isTrue();
		// Within the same interval the limiter refuses the next refetch: the set is as fresh as it can be, no key.
		assertThat(catchThrowableOfType(JwtException.class, () -> decoder.decode(sign(rsaKey("another")))))
			.isInstanceOf(BadJwtException.class)
			.matches((ex) -> !UnavailableDependencies.isUnavailable(ex));
		// Tokens signed with a cached key do not need the issuer.
		assertThat(decoder.decode(sign(this.signingKey)).getSubject()).isNotBlank();
	}

	@Test
	void whenTheIssuerCannotBeReachedAndNoKeyIsCachedThenTemporarilyUnavailable() {
		this.failing = true;
		JwtDecoder decoder = decoder(Duration.ofMinutes(5), Duration.ofSeconds(30));

		JwtException valid = catchThrowableOfType(JwtException.class, () -> decoder.decode(sign(this.signingKey)));

		assertThat(UnavailableDependencies.isUnavailable(valid)).as(String.valueOf(valid)).isTrue();
		this.failing = false;
		Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
			.until(() -> decoder.decode(sign(this.signingKey)) != null);
	}

	private JwtDecoder decoder(Duration ttl, Duration minRefetchInterval) {
		URI jwks = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/oauth2/jwks");
		try {
			this.keys = new AuthServerKeys(jwks.toURL(), ttl, minRefetchInterval);
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
		ResourceApiProperties properties = new ResourceApiProperties(issuer(),
				new ResourceApiProperties.Jwt(jwks.toString(), AUDIENCE, List.of("RS256", "ES256"), ttl,
						minRefetchInterval, 2048),
				null, null, null, null, null);
		return TokenValidationConfig.decoder(this.keys, properties, (jwt) -> OAuth2TokenValidatorResult.success());
	}

	private String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private String sign(RSAKey key) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer())
			.subject(UUID.randomUUID().toString())
			.audience(List.of(AUDIENCE, "textbook-web"))
			.claim("client_id", "textbook-web")
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
				.type(new JOSEObjectType("at+jwt"))
				.build(), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey rsaKey(String kid) {
		return new RSAKey.Builder(STRANGER).keyID(kid).build();
	}

	private static RSAKey generate(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
