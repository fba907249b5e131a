package ai.physical.textbook.auth.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.session.events.AbstractSessionEvent;

import ai.physical.textbook.auth.account.UserSignedOutEverywhere;
import ai.physical.textbook.auth.profile.ProfileChanged;

/**
 * Records the application events other features listen to, from any thread (server threads included).
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedEvents {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final List<SessionEventOnThread> sessionEvents = new CopyOnWriteArrayList<>();

	@EventListener
	void on(UserSignedOutEverywhere event) {
		this.events.add(event);
	}

	@EventListener
	void on(ProfileChanged event) {
		this.events.add(event);
	}

	/** Spring Session's events (from its Redis messages), with the thread that handled each. */
	@EventListener
	void on(AbstractSessionEvent event) {
		this.sessionEvents.add(new SessionEventOnThread(event, Thread.currentThread().getName()));
	}

	public List<SessionEventOnThread> sessionEvents() {
		return List.copyOf(this.sessionEvents);
	}

	public <T> List<T> of(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	public record SessionEventOnThread(AbstractSessionEvent event, String thread) {
	}

}
