package ai.physical.textbook.auth.session;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Registers, right after Spring Session's filter, the filter that keeps sessions out of the back-channel endpoints,
 * then the absolute session timeout; and gives Spring Session's Redis messages one long-lived thread and only the
 * messages something here uses.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

	/**
	 * The back-channel endpoints: they authenticate a client or a bearer token. Not the authorization, device
	 * verification and logout endpoints, which work on the browser's user.
	 */
	@Bean
	FilterRegistrationBean<BackChannelSessionFilter> backChannelSessionFilter(AuthorizationServerSettings settings) {
		BackChannelSessionFilter filter = new BackChannelSessionFilter(
				Set.of(settings.getTokenEndpoint(), settings.getTokenRevocationEndpoint(),
						settings.getTokenIntrospectionEndpoint(), settings.getDeviceAuthorizationEndpoint(),
						settings.getJwkSetEndpoint(), settings.getOidcUserInfoEndpoint()),
				List.of("/.well-known/", "/api/", "/actuator/"));
		FilterRegistrationBean<BackChannelSessionFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		return registration;
	}

	/**
	 * The thread that handles Spring Session's Redis messages (a session deleted or expired; see below for "created"),
	 * under the name Spring Session looks for. Without it the listener container starts a new thread for every
	 * message: under a sign-in burst, when each new session's "created" message was still subscribed, that was a
	 * thread started and ended per sign-in (600 in one 55-second benchmark window). One thread handles them in order; a backlog beyond 10,000 messages is refused with
	 * an error in the log rather than held in the heap (a lost "deleted" message leaves a stale entry in the
	 * principal-name index, which lookups skip because the session itself is gone).
	 */
	@Bean(name = "springSessionRedisTaskExecutor")
	ThreadPoolTaskExecutor springSessionRedisTaskExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setQueueCapacity(10_000);
		executor.setThreadNamePrefix("session-events-");
		return executor;
	}

	/**
	 * Unsubscribes Spring Session from its "session created" channel. Nothing here listens to
	 * {@code SessionCreatedEvent}, yet for every new session (one per sign-in flow) the repository publishes the
	 * session's attributes on that channel, reads them back, deserializes them (Java serialization) and publishes the
	 * event to nobody. The "deleted" and "expired" channels stay: they keep the principal-name index clean.
	 */
	@Bean
	static BeanPostProcessor sessionCreatedMessagesIgnored(ObjectProvider<RedisIndexedSessionRepository> sessions) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof RedisMessageListenerContainer container
						&& "springSessionRedisMessageListenerContainer".equals(beanName)) {
					RedisIndexedSessionRepository repository = sessions.getObject();
					container.removeMessageListener(repository,
							new PatternTopic(repository.getSessionCreatedChannelPrefix() + "*"));
				}
				return bean;
			}
		};
	}

	@Bean
	FilterRegistrationBean<AbsoluteSessionTimeoutFilter> absoluteSessionTimeoutFilter(SessionProperties properties) {
		FilterRegistrationBean<AbsoluteSessionTimeoutFilter> registration = new FilterRegistrationBean<>(
				new AbsoluteSessionTimeoutFilter(properties));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 2);
		return registration;
	}

}
