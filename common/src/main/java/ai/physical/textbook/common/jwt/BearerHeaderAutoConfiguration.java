package ai.physical.textbook.common.jwt;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The {@link BearerHeaderTokenResolver} for every resource-server chain: Spring Security uses a
 * {@link BearerTokenResolver} bean when there is one.
 */
@AutoConfiguration
@ConditionalOnClass(BearerTokenResolver.class)
public class BearerHeaderAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BearerTokenResolver bearerTokenResolver() {
		return new BearerHeaderTokenResolver();
	}

}
