package ai.physical.textbook.api.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.time.Duration;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ai.physical.textbook.api.redis.RedisCircuit;
import ai.physical.textbook.testsupport.RealInfrastructure;
import ai.physical.textbook.testsupport.TestInfrastructure;

/**
 * Base of the full tests: the whole application on a random port against real PostgreSQL and Redis, validating
 * tokens of the {@link TestIssuer} over HTTP. Every full test extends this class unchanged, so they share one Spring
 * context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(RealInfrastructure.class)
public abstract class ResourceApiIntegrationTest {

	protected static final TestIssuer issuer = TestIssuer.get();

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	protected int port;

	@Autowired
	protected NamedParameterJdbcTemplate jdbc;

	@Autowired
	protected JsonMapper json;

	@DynamicPropertySource
	static void testIssuer(DynamicPropertyRegistry registry) {
		IdentitySchema.ensureMigrated();
		registry.add("textbook.issuer", issuer::issuer);
		registry.add("textbook.jwt.jwk-refresh-min-interval", () -> "200ms");
		registry.add("textbook.authz-log.flush-interval", () -> "50ms");
		registry.add("textbook.redis.wait-in-open-state", () -> "500ms");
	}

	protected HttpResponse<String> get(String path, String token) {
		return send(request(path, token).GET());
	}

	protected HttpResponse<String> post(String path, String token) {
		return send(request(path, token).POST(HttpRequest.BodyPublishers.noBody()));
	}

	protected JsonNode body(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	/** Marks a token id revoked in PostgreSQL, as the auth-server's revocation does. */
	protected void revokeInDatabase(String jti) {
		this.jdbc.update("""
				INSERT INTO identity.revoked_tokens (token_id, expires_at, reason)
				VALUES (:jti, now() + interval '15 minutes', 'test')
				""", Map.of("jti", jti));
	}

	protected static UUID newUser() {
		return UUID.randomUUID();
	}

	@Autowired
	private RedisCircuit redisCircuit;

	@Autowired
	private StringRedisTemplate redisTemplate;

	/**
	 * After a test that stopped Redis: starts it again and waits until the application uses it again (circuit
	 * breaker closed), so the next test starts from a healthy system.
	 */
	@AfterEach
	void restoreRedis() {
		if (!TestInfrastructure.get().isRedisRunning()) {
			TestInfrastructure.get().startRedis();
		}
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
			this.redisCircuit.call(() -> this.redisTemplate.hasKey("textbook:health"), () -> null);
			return this.redisCircuit.state() == CircuitBreaker.State.CLOSED;
		});
	}

	protected static void ensureRedisRunning() {
		if (!TestInfrastructure.get().isRedisRunning()) {
			TestInfrastructure.get().startRedis();
		}
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
