package ai.physical.textbook.common.redis;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Resilient Lettuce options. Timeouts come from {@code spring.data.redis.connect-timeout} and
 * {@code spring.data.redis.timeout} (2 s each by default in both apps).
 *
 * <p>Why {@code REJECT_COMMANDS}: Lettuce's default queues commands while disconnected and lets them wait until the
 * command timeout; for a denylist or a cache it is better to learn at once that Redis is away and use PostgreSQL.
 * Reconnection continues in the background, so the first command after Redis returns succeeds again.
 */
@AutoConfiguration(before = DataRedisAutoConfiguration.class)
@ConditionalOnClass(ClientOptions.class)
public class RedisClientAutoConfiguration {

	static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

	@Bean
	LettuceClientOptionsBuilderCustomizer textbookLettuceClientOptions(DataRedisProperties properties) {
		Duration connectTimeout = (properties.getConnectTimeout() != null) ? properties.getConnectTimeout()
				: DEFAULT_CONNECT_TIMEOUT;
		return (builder) -> builder.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).tcpNoDelay(true).build())
			.timeoutOptions(TimeoutOptions.enabled());
	}

}
