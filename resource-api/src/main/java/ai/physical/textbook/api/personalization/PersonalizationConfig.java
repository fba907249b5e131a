package ai.physical.textbook.api.personalization;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Subscribes to the auth-server's profile events.
 */
@Configuration(proxyBeanMethods = false)
class PersonalizationConfig {

	@Bean
	RedisMessageListenerContainer profileEventsContainer(RedisConnectionFactory connectionFactory, ContextCache cache,
			JsonMapper json) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connectionFactory);
		// After a Redis outage the container resubscribes by itself; retry every 2 s rather than the default 5 s.
		container.setRecoveryInterval(2_000);
		// Started by ProfileEventSubscription, so that Redis being down does not stop the application from starting.
		container.setAutoStartup(false);
		container.addMessageListener(new ProfileEventListener(cache, json),
				List.of(new ChannelTopic(ProfileEventListener.PROFILE_UPDATED),
						new ChannelTopic(ProfileEventListener.PROFILE_COMPLETED)));
		return container;
	}

	@Bean
	ProfileEventSubscription profileEventSubscription(RedisMessageListenerContainer profileEventsContainer) {
		return new ProfileEventSubscription(profileEventsContainer);
	}

}
