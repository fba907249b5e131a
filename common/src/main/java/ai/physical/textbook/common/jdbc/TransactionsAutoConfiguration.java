package ai.physical.textbook.common.jdbc;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Provides {@link TransientRetry} and {@link Transactions} to every app with a data source.
 */
@AutoConfiguration(after = { DataSourceTransactionManagerAutoConfiguration.class,
		JdbcTemplateAutoConfiguration.class })
@ConditionalOnSingleCandidate(PlatformTransactionManager.class)
@EnableConfigurationProperties(RetryProperties.class)
public class TransactionsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TransientRetry transientRetry(RetryProperties properties) {
		return new TransientRetry(properties.maxRetries(), properties.initialBackoff(), properties.multiplier(),
				properties.maxBackoff());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnSingleCandidate(NamedParameterJdbcTemplate.class)
	Transactions transactions(PlatformTransactionManager transactionManager, TransientRetry retry,
			NamedParameterJdbcTemplate jdbc) {
		return new Transactions(transactionManager, retry, jdbc);
	}

}
