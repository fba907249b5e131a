package ai.physical.textbook.auth.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import ai.physical.textbook.auth.AuthServerApplication;
import ai.physical.textbook.auth.key.SigningKeys;
import ai.physical.textbook.auth.support.AuthServerIntegrationTest;
import ai.physical.textbook.auth.support.ProtocolClient;
import ai.physical.textbook.auth.support.TestSecrets;
import ai.physical.textbook.testsupport.PostgresEndpoint;
import ai.physical.textbook.testsupport.RestartablePostgres;
import ai.physical.textbook.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis or PostgreSQL away: the reader sees a clean "temporarily unavailable" page (503), API and OAuth clients a 503
 * with {@code Retry-After}, never a 500 or a stack trace; and everything works again once the server is back.
 */
@AuthServerIntegrationTest
class DependencyOutageTests {

	static final String PROFILE = """
			{"softwareBackground":{"programmingLanguages":["Python"],"frameworks":["ROS 2"],
			"experienceLevel":"intermediate","specializations":[],"yearsOfExperience":2},
			"hardwareBackground":{"familiarPlatforms":["Jetson Nano"],"roboticsExperience":"hobbyist",
			"electronicsKnowledge":"basic","preferredTools":[]}}""";

	@LocalServerPort
	int port;

	private final List<AutoCloseable> started = new ArrayList<>();

	@AfterEach
	void stopWhatWasStarted() throws Exception {
		// The app before its database.
		for (int i = this.started.size() - 1; i >= 0; i--) {
			this.started.get(i).close();
		}
	}

	@Test
	void whenRedisIsDownThenSignInPageIs503TemporarilyUnavailableAndTokensAreStillIssued() throws Exception {
		ProtocolClient client = new ProtocolClient(base());
		assertThat(signInPage(client, base()).statusCode()).as("control: Redis up").isEqualTo(200);
		TestInfrastructure.get().stopRedis();
		try {
			HttpResponse<String> page = signInPage(client, base());
			assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
			assertThat(page.body()).containsIgnoringCase("temporarily unavailable")
				.doesNotContain("Exception", "lettuce", "at org.");

			// Sessions live in Redis, tokens do not: client_credentials keeps working.
			HttpResponse<String> token = client.clientCredentials(TestSecrets.SERVICE_CLIENT,
					TestSecrets.SERVICE_CLIENT_SECRET, "textbook.api");
			assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
			assertThat(token.body()).contains("\"access_token\"");
		}
		finally {
			TestInfrastructure.get().startRedis();
		}
		awaitStatus(() -> signInPage(client, base()), 200);
	}

	@Test
	void whenPostgresIsDownThenTokenEndpointAndApiAnswer503ProblemDetailsAndRecoverAfterwards() throws Exception {
		RestartablePostgres postgres = RestartablePostgres.start(Files.createTempDirectory("outage-pg"));
		this.started.add(postgres);
		ConfigurableApplicationContext instance = start(postgres.endpoint());
		this.started.add(instance);
		ProtocolClient client = new ProtocolClient(url(instance));
		assertThat(clientCredentials(client).statusCode()).as("control: database up").isEqualTo(200);
		String subject = UUID.randomUUID().toString();
		String bearer = accessToken(instance, subject);

		postgres.stop();
		try {
			HttpResponse<String> token = clientCredentials(client);
			assertServiceUnavailableProblem(token, "/oauth2/token");

			HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(url(instance) + "/api/profile/" + subject))
				.header("Authorization", "Bearer " + bearer)
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(PROFILE)));
			assertServiceUnavailableProblem(api, "/api/profile/" + subject);
		}
		finally {
			postgres.resume();
		}
		awaitStatus(() -> clientCredentials(client), 200);
	}

	private static void assertServiceUnavailableProblem(HttpResponse<String> response, String instance) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":503", "\"code\":\"SERVICE_UNAVAILABLE\"",
				"\"instance\":\"" + instance + "\"").doesNotContain("Exception", "postgresql", "at org.");
	}

	private static HttpResponse<String> clientCredentials(ProtocolClient client) {
		return client.clientCredentials(TestSecrets.SERVICE_CLIENT, TestSecrets.SERVICE_CLIENT_SECRET, "textbook.api");
	}

	private static HttpResponse<String> signInPage(ProtocolClient client, String base) {
		return client.send(HttpRequest.newBuilder(URI.create(base + "/signin")).header("Accept", "text/html"));
	}

	/** Polls until the status comes back: the clients reconnect by themselves, within seconds. */
	private static void awaitStatus(Supplier<HttpResponse<String>> call, int status)
			throws InterruptedException {
		int last = 0;
		for (int attempt = 0; attempt < 150; attempt++) {
			last = call.get().statusCode();
			if (last == status) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("Still " + last + " instead of " + status + " after 30 s");
	}

	/** An access token of the instance's own current key for a reader with this id (no row needed for a write). */
	private static String accessToken(ConfigurableApplicationContext instance, String subject) {
		SigningKeys keys = instance.getBean(SigningKeys.class);
		SigningKeys.SigningKey current = keys.current();
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(instance.getEnvironment().getProperty("textbook.issuer"))
			.subject(subject)
			.audience(List.of("textbook-api", "test-client"))
			.claim("client_id", "test-client")
			.claim("scope", "openid profile")
			.claim("roles", List.of("user"))
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plusSeconds(900))
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.from(current.algorithm())).keyId(current.kid()).type("at+jwt").build();
		return new NimbusJwtEncoder(keys).encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	private static ConfigurableApplicationContext start(PostgresEndpoint postgres) {
		return new SpringApplicationBuilder(AuthServerApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=" + postgres.username(),
				"--spring.datasource.password=" + postgres.password(),
				// Fail fast while the database is away, as a short outage should.
				"--spring.datasource.hikari.connection-timeout=1000",
				"--spring.data.redis.url=" + TestInfrastructure.get().redis().url(), "--spring.main.banner-mode=off",
				"--spring.jmx.enabled=false");
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
