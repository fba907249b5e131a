package ai.physical.textbook.common.env;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConnectionEnvironmentPostProcessorTests {

	private final ConnectionEnvironmentPostProcessor processor = new ConnectionEnvironmentPostProcessor();

	@Test
	void whenDatabaseUrlSetThenItWinsOverApplicationYml() {
		StandardEnvironment environment = environment(Map.of("DATABASE_URL",
				"postgresql://neon:pw%21@ep-a.neon.tech/neondb?sslmode=require"));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url"))
			.isEqualTo("jdbc:postgresql://ep-a.neon.tech/neondb?sslmode=require");
		assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("neon");
		assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("pw!");
	}

	@Test
	void whenSpringDatasourceUrlAlsoSetThenTheExplicitSpringPropertyWins() {
		StandardEnvironment environment = environment(Map.of("DATABASE_URL", "postgresql://a:b@db/app",
				"SPRING_DATASOURCE_URL", "jdbc:postgresql://explicit/app"));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://explicit/app");
		assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("a");
	}

	@Test
	void whenNothingSetThenApplicationYmlValuesStay() {
		StandardEnvironment environment = environment(Map.of());
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://yml/app");
		assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("redis://yml:6379");
		assertThat(environment.getPropertySources().contains(ConnectionEnvironmentPostProcessor.DERIVED_SOURCE))
			.isFalse();
	}

	@Test
	void whenRedisUrlSetThenRedisPropertiesDerived() {
		StandardEnvironment environment = environment(Map.of("REDIS_URL", "rediss://default:se%23cret@cache:6380/2"));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("rediss://default:se%23cret@cache:6380/2");
		assertThat(environment.getProperty("spring.data.redis.host")).isEqualTo("cache");
		assertThat(environment.getProperty("spring.data.redis.port")).isEqualTo("6380");
		assertThat(environment.getProperty("spring.data.redis.username")).isEqualTo("default");
		assertThat(environment.getProperty("spring.data.redis.password")).isEqualTo("se#cret");
		assertThat(environment.getProperty("spring.data.redis.database")).isEqualTo("2");
		assertThat(environment.getProperty("spring.data.redis.ssl.enabled")).isEqualTo("true");
	}

	@Test
	void whenLogFormatSetThenStructuredConsoleLogging() {
		assertThat(ConnectionEnvironmentPostProcessor.derive(null, null, "ECS"))
			.containsEntry("logging.structured.format.console", "ecs");
		assertThat(ConnectionEnvironmentPostProcessor.derive(null, null, "logstash"))
			.containsEntry("logging.structured.format.console", "logstash");
		assertThat(ConnectionEnvironmentPostProcessor.derive(null, null, "text")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> ConnectionEnvironmentPostProcessor.derive(null, null, "xml"))
			.withMessageContaining("LOG_FORMAT");
	}

	@Test
	void whenProcessedThenReadinessIncludesDatabasePoolAndRedisButLivenessDoesNot() {
		StandardEnvironment environment = environment(Map.of());
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
			.isEqualTo("readinessState,db,dbPool,redis");
		assertThat(environment.getProperty("management.endpoint.health.group.liveness.include"))
			.isEqualTo("livenessState");
	}

	@Test
	void whenDatabaseUrlUnusableThenStartupFailsNamingTheVariable() {
		StandardEnvironment environment = environment(Map.of("DATABASE_URL", "mysql://x"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.processor.postProcessEnvironment(environment, new SpringApplication()))
			.withMessageContaining("DATABASE_URL");
	}

	/** An environment like Boot's: the given variables as the system environment, application.yml values last. */
	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		var sources = environment.getPropertySources();
		sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
		sources.addLast(new MapPropertySource("application.yml", Map.of("spring.datasource.url",
				"jdbc:postgresql://yml/app", "spring.data.redis.url", "redis://yml:6379")));
		return environment;
	}

}
