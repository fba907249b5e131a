package ai.physical.textbook.auth.client;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Registered clients live in {@code identity.oauth2_registered_client}; client secrets there are SHA-256 hashes.
 * Lookups are served from memory for {@code textbook.client-cache-ttl} (60 s by default; {@code 0s} turns the cache
 * off), see {@link CachingRegisteredClientRepository} for why that is safe with several instances.
 */
@Configuration(proxyBeanMethods = false)
class ClientConfig {

	@Bean
	CachingRegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc,
			@Value("${textbook.client-cache-ttl:60s}") Duration ttl) {
		return new CachingRegisteredClientRepository(new JdbcRegisteredClientRepository(jdbc), ttl, Clock.systemUTC());
	}

}
