package ai.physical.textbook.common.env;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import ai.physical.textbook.common.CommonTestApplication;
import ai.physical.textbook.testsupport.PostgresEndpoint;
import ai.physical.textbook.testsupport.RedisEndpoint;
import ai.physical.textbook.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app configured only with a libpq-style {@code DATABASE_URL} and a {@code REDIS_URL} really connects.
 */
class DatabaseUrlApplicationTests {

	@Test
	void whenOnlyPlatformUrlsGivenThenAppConnectsToBoth() {
		PostgresEndpoint postgres = TestInfrastructure.get().postgres();
		RedisEndpoint redis = TestInfrastructure.get().redis();
		String databaseUrl = "postgresql://" + URLEncoder.encode(postgres.username(), StandardCharsets.UTF_8) + ":"
				+ URLEncoder.encode(postgres.password(), StandardCharsets.UTF_8) + "@" + postgres.host() + ":"
				+ postgres.port() + "/" + postgres.database() + "?sslmode=disable&application_name=url-test";
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommonTestApplication.class)
			.web(WebApplicationType.NONE)
			.run("--DATABASE_URL=" + databaseUrl, "--REDIS_URL=redis://" + redis.host() + ":" + redis.port() + "/5",
					"--spring.jmx.enabled=false")) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("SELECT current_setting('application_name')", String.class))
				.isEqualTo("url-test");
			try (var connection = context.getBean(RedisConnectionFactory.class).getConnection()) {
				assertThat(connection.ping()).isEqualTo("PONG");
			}
			assertThat(context.getEnvironment().getProperty("spring.data.redis.database")).isEqualTo("5");
		}
	}

}
