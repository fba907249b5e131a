package ai.physical.textbook.testsupport;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wires the real PostgreSQL and Redis of {@link TestInfrastructure} into a Spring test context, the way
 * {@code @ServiceConnection} does for containers: connection-details beans that win over any configured URL.
 *
 * <p>Import it in a test ({@code @Import(RealInfrastructure.class)}) or a test meta-annotation.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealInfrastructure {

	@Bean
	JdbcConnectionDetails testPostgresConnectionDetails() {
		PostgresEndpoint postgres = TestInfrastructure.get().postgres();
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return postgres.username();
			}

			@Override
			public String getPassword() {
				return postgres.password();
			}

			@Override
			public String getJdbcUrl() {
				return postgres.jdbcUrl();
			}

		};
	}

	@Bean
	DataRedisConnectionDetails testRedisConnectionDetails() {
		RedisEndpoint redis = TestInfrastructure.get().redis();
		return new DataRedisConnectionDetails() {

			@Override
			public Standalone getStandalone() {
				return Standalone.of(redis.host(), redis.port());
			}

		};
	}

}
