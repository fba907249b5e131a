package ai.physical.textbook.auth.audit;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import ai.physical.textbook.auth.AuthServerApplication;
import ai.physical.textbook.auth.testing.RowSecurityFixture;
import ai.physical.textbook.testsupport.PostgresEndpoint;
import ai.physical.textbook.testsupport.RealInfrastructure;
import ai.physical.textbook.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application, started on its own, takes a burst of concurrent sign-ins over HTTP and is closed the moment
 * the last answer arrives. Every attempt must be in {@code auth_logs} afterwards.
 */
class AuditOnShutdownTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Test
	void whenApplicationStopsRightAfterABurstOfSignInsThenEveryAttemptIsAudited() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		int clients = 4;
		int attemptsEach = 5;
		ConfigurableApplicationContext app = new SpringApplicationBuilder(AuthServerApplication.class,
				RealInfrastructure.class, RowSecurityFixture.class)
			.properties("server.port=0", "textbook.bruteforce.ip-lock-after=10000", "spring.main.banner-mode=off")
			.run();
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				int client = c;
				results.add(pool.submit(() -> signInBurst(port, run, client, attemptsEach)));
			}
			for (Future<Integer> result : results) {
				assertThat(result.get()).isEqualTo(attemptsEach);
			}
		}
		finally {
			pool.shutdown();
			app.close();
		}
		// The application is closed: whatever it had queued must already be in the database.
		PostgresEndpoint postgres = TestInfrastructure.get().postgres();
		JdbcClient after = JdbcClient
			.create(new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password()));
		assertThat(after.sql("SELECT count(*) FROM identity.auth_logs WHERE email LIKE :pattern")
			.param("pattern", "burst-" + run + "-%")
			.query(Integer.class)
			.single()).isEqualTo(clients * attemptsEach);
	}

	/** One browser-like client: fetches the form (CSRF token, session cookie), then posts wrong passwords. */
	private static int signInBurst(int port, String run, int client, int attempts) throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://localhost:" + port;
		int answered = 0;
		for (int i = 0; i < attempts; i++) {
			String form = http.send(HttpRequest.newBuilder(URI.create(base + "/signin")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			Matcher csrf = CSRF.matcher(form);
			assertThat(csrf.find()).isTrue();
			String email = "burst-" + run + "-" + client + "-" + i + "@audit.example";
			String body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=Wrong-Password-1"
					+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/signin"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").endsWith("?error")) {
				answered++;
			}
		}
		return answered;
	}

}
