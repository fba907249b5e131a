package ai.physical.textbook.common.health;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@code dbPool} health indicator (bean name minus the {@code HealthIndicator} suffix).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass({ HikariDataSource.class, HealthIndicator.class })
@ConditionalOnBean(DataSource.class)
public class DatabasePoolHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "dbPoolHealthIndicator")
	HealthIndicator dbPoolHealthIndicator(DataSource dataSource) {
		return new DatabasePoolHealthIndicator(dataSource);
	}

}
