package ai.physical.textbook.api.personalization;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Starts the profile-event subscription without making Redis a startup dependency: if Redis is down when the
 * application starts, the subscription is retried in the background, and the application serves requests meanwhile
 * (stale contexts are still caught by the fingerprint check). Once subscribed, the container itself resubscribes
 * after connection losses.
 */
final class ProfileEventSubscription implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ProfileEventSubscription.class);

	private static final Duration RETRY = Duration.ofSeconds(5);

	private final RedisMessageListenerContainer container;

	private volatile boolean running;

	private Thread starter;

	ProfileEventSubscription(RedisMessageListenerContainer container) {
		this.container = container;
	}

	@Override
	public void start() {
		this.running = true;
		if (tryStart()) {
			return;
		}
		this.starter = new Thread(() -> {
			while (this.running && !this.container.isRunning()) {
				try {
					Thread.sleep(RETRY.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				tryStart();
			}
		}, "profile-events-subscriber");
		this.starter.setDaemon(true);
		this.starter.start();
	}

	private boolean tryStart() {
		try {
			this.container.start();
			logger.info("Subscribed to profile events");
			return true;
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot subscribe to profile events yet (Redis unavailable?), retrying every {} s: {}",
					RETRY.toSeconds(), ex.getMessage());
			return false;
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.starter != null) {
			this.starter.interrupt();
		}
		this.container.stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
