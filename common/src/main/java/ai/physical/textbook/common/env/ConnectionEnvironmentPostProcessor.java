package ai.physical.textbook.common.env;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * Turns the platform-style variables into Spring properties, so the same jar runs on a laptop, in Docker and on a
 * hosted PostgreSQL such as Neon without any Spring-specific configuration:
 * <ul>
 * <li>{@code DATABASE_URL} ({@link DatabaseUrl}) becomes {@code spring.datasource.url/username/password};</li>
 * <li>{@code REDIS_URL} ({@link RedisUrl}) becomes {@code spring.data.redis.*};</li>
 * <li>{@code LOG_FORMAT} ({@code ecs}, {@code logstash} or {@code gelf}) switches console logs to structured JSON;
 * {@code text} or unset keeps the human-readable format.</li>
 * </ul>
 * The derived properties sit just below the system environment: they win over {@code application.yml}, while an
 * explicit {@code SPRING_DATASOURCE_URL} (or a system property / command-line argument) still wins over them.
 *
 * <p>It also adds low-precedence operational defaults: readiness includes the database, its pool and Redis;
 * liveness includes only the application's own state, so an outage of PostgreSQL or Redis takes an instance out of
 * the load balancer without getting it restarted.
 */
public class ConnectionEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding what was derived from the variables. */
	public static final String DERIVED_SOURCE = "textbookConnectionUrls";

	/** Name of the property source holding the operational defaults. */
	public static final String DEFAULTS_SOURCE = "textbookOperationalDefaults";

	private static final Set<String> LOG_FORMATS = Set.of("ecs", "logstash", "gelf");

	@Override
	public int getOrder() {
		// After the config data (application.yml) has been loaded, before logging is initialized.
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> derived = derive(environment.getProperty("DATABASE_URL"),
				environment.getProperty("REDIS_URL"), environment.getProperty("LOG_FORMAT"));
		MutablePropertySources sources = environment.getPropertySources();
		if (!derived.isEmpty()) {
			MapPropertySource source = new MapPropertySource(DERIVED_SOURCE, derived);
			if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
				sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
			}
			else {
				sources.addFirst(source);
			}
		}
		sources.addLast(new MapPropertySource(DEFAULTS_SOURCE, defaults()));
	}

	/**
	 * The Spring properties derived from the three variables (each may be null or blank, meaning "not set").
	 * @throws IllegalArgumentException when a variable is set but unusable
	 */
	static Map<String, Object> derive(String databaseUrl, String redisUrl, String logFormat) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (databaseUrl != null && !databaseUrl.isBlank()) {
			DatabaseUrl database = DatabaseUrl.parse(databaseUrl);
			properties.put("spring.datasource.url", database.jdbcUrl());
			if (database.username() != null) {
				properties.put("spring.datasource.username", database.username());
			}
			if (database.password() != null) {
				properties.put("spring.datasource.password", database.password());
			}
		}
		if (redisUrl != null && !redisUrl.isBlank()) {
			RedisUrl redis = RedisUrl.parse(redisUrl);
			// Boot prefers spring.data.redis.url over host/port, so set both consistently.
			properties.put("spring.data.redis.url", redisUrl.strip());
			properties.put("spring.data.redis.host", redis.host());
			properties.put("spring.data.redis.port", redis.port());
			properties.put("spring.data.redis.database", redis.database());
			properties.put("spring.data.redis.ssl.enabled", redis.ssl());
			if (redis.username() != null) {
				properties.put("spring.data.redis.username", redis.username());
			}
			if (redis.password() != null) {
				properties.put("spring.data.redis.password", redis.password());
			}
		}
		if (logFormat != null && !logFormat.isBlank()) {
			String format = logFormat.strip().toLowerCase(Locale.ROOT);
			if (LOG_FORMATS.contains(format)) {
				properties.put("logging.structured.format.console", format);
			}
			else if (!"text".equals(format)) {
				throw new IllegalArgumentException("LOG_FORMAT must be one of text, ecs, logstash, gelf");
			}
		}
		return properties;
	}

	static Map<String, Object> defaults() {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("management.endpoint.health.probes.enabled", true);
		defaults.put("management.endpoint.health.group.readiness.include", "readinessState,db,dbPool,redis");
		defaults.put("management.endpoint.health.group.liveness.include", "livenessState");
		return defaults;
	}

}
