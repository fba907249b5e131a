package ai.physical.textbook.api.policy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ai.physical.textbook.api.config.ResourceApiProperties;

/**
 * The authorization decision log, written to {@code personalization.authz_logs}.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationLogConfig {

	@Bean
	BatchingAuthorizationDecisionLog authorizationDecisionLog(NamedParameterJdbcTemplate jdbc,
			ResourceApiProperties properties) {
		ResourceApiProperties.AuthzLog settings = properties.authzLog();
		return new BatchingAuthorizationDecisionLog(jdbc, settings.batchSize(), settings.flushInterval(),
				settings.queueCapacity());
	}

}
