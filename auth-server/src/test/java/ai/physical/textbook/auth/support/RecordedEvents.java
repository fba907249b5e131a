package ai.physical.textbook.auth.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

import ai.physical.textbook.auth.audit.AuthEvent;
import ai.physical.textbook.auth.token.TokensRevoked;

/**
 * Records audit and revocation events published by the server, whatever thread publishes them (request threads of
 * the embedded server included, which {@code @RecordApplicationEvents} does not see).
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedEvents {

	private final List<AuthEvent> authEvents = new CopyOnWriteArrayList<>();

	private final List<TokensRevoked> revocations = new CopyOnWriteArrayList<>();

	@EventListener
	void on(AuthEvent event) {
		this.authEvents.add(event);
	}

	@EventListener
	void on(TokensRevoked event) {
		this.revocations.add(event);
	}

	public List<AuthEvent> authEvents() {
		return this.authEvents;
	}

	public List<TokensRevoked> revocations() {
		return this.revocations;
	}

}
