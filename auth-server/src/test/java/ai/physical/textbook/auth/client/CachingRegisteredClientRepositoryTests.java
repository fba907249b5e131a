package ai.physical.textbook.auth.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import ai.physical.textbook.auth.support.AuthServerIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The registered-client cache against the real client table: one database read per client and TTL, changes made
 * through the repository visible at once, changes made by another instance visible after the TTL, unknown clients
 * never cached.
 */
@AuthServerIntegrationTest
class CachingRegisteredClientRepositoryTests {

	private static final Duration TTL = Duration.ofSeconds(60);

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	RegisteredClientRepository applicationClients;

	private final MutableClock clock = new MutableClock();

	@Test
	void whenApplicationStartedThenItsClientRepositoryIsCached() {
		assertThat(this.applicationClients).isInstanceOf(CachingRegisteredClientRepository.class);
		assertThat(this.applicationClients.findByClientId("textbook-web")).isNotNull();
	}

	@Test
	void whenClientLookedUpRepeatedlyWithinTtlThenDatabaseReadOncePerKey() {
		CountingRepository database = new CountingRepository(new JdbcRegisteredClientRepository(this.jdbcTemplate));
		RegisteredClient client = newClient("Cached");
		database.save(client);
		CachingRegisteredClientRepository cached = new CachingRegisteredClientRepository(database, TTL, this.clock);

		for (int i = 0; i < 50; i++) {
			assertThat(cached.findByClientId(client.getClientId()).getId()).isEqualTo(client.getId());
			assertThat(cached.findById(client.getId()).getClientId()).isEqualTo(client.getClientId());
		}

		assertThat(database.reads.get()).isEqualTo(2);
	}

	@Test
	void whenAnotherInstanceChangesClientThenChangeSeenAfterTtl() {
		JdbcRegisteredClientRepository database = new JdbcRegisteredClientRepository(this.jdbcTemplate);
		RegisteredClient client = newClient("Before");
		database.save(client);
		CachingRegisteredClientRepository cached = new CachingRegisteredClientRepository(database, TTL, this.clock);
		assertThat(cached.findByClientId(client.getClientId()).getClientName()).isEqualTo("Before");

		// What another instance's synchronizer does: write the row without going through this cache.
		this.jdbcTemplate.update("UPDATE identity.oauth2_registered_client SET client_name = 'After' WHERE id = ?",
				client.getId());

		this.clock.advance(TTL.minusSeconds(1));
		assertThat(cached.findByClientId(client.getClientId()).getClientName()).as("within the TTL")
			.isEqualTo("Before");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(cached.findByClientId(client.getClientId()).getClientName()).as("after the TTL")
			.isEqualTo("After");
	}

	@Test
	void whenClientSavedThroughRepositoryThenChangeSeenAtOnce() {
		CachingRegisteredClientRepository cached = new CachingRegisteredClientRepository(
				new JdbcRegisteredClientRepository(this.jdbcTemplate), TTL, this.clock);
		RegisteredClient client = newClient("Before");
		cached.save(client);
		assertThat(cached.findByClientId(client.getClientId()).getScopes()).containsExactly("textbook.api");
		assertThat(cached.findById(client.getId()).getScopes()).containsExactly("textbook.api");

		cached.save(RegisteredClient.from(client).scope("other").build());

		assertThat(cached.findByClientId(client.getClientId()).getScopes())
			.containsExactlyInAnyOrder("textbook.api", "other");
		assertThat(cached.findById(client.getId()).getScopes()).containsExactlyInAnyOrder("textbook.api", "other");
	}

	@Test
	void whenClientUnknownThenNotCachedSoItIsFoundOnceCreated() {
		CountingRepository database = new CountingRepository(new JdbcRegisteredClientRepository(this.jdbcTemplate));
		CachingRegisteredClientRepository cached = new CachingRegisteredClientRepository(database, TTL, this.clock);
		RegisteredClient client = newClient("Late");

		assertThat(cached.findByClientId(client.getClientId())).isNull();
		assertThat(cached.findByClientId(client.getClientId())).isNull();
		assertThat(database.reads.get()).as("misses are not cached").isEqualTo(2);

		database.save(client);
		assertThat(cached.findByClientId(client.getClientId())).isNotNull();
	}

	@Test
	void whenTtlIsZeroThenEveryLookupReadsTheDatabaseAndNegativeTtlIsRefused() {
		CountingRepository database = new CountingRepository(new JdbcRegisteredClientRepository(this.jdbcTemplate));
		RegisteredClient client = newClient("Uncached");
		database.save(client);
		CachingRegisteredClientRepository uncached = new CachingRegisteredClientRepository(database, Duration.ZERO,
				this.clock);

		uncached.findByClientId(client.getClientId());
		uncached.findByClientId(client.getClientId());

		assertThat(database.reads.get()).isEqualTo(2);
		assertThatIllegalArgumentException().isThrownBy(
				() -> new CachingRegisteredClientRepository(database, Duration.ofSeconds(-1), this.clock));
	}

	private static RegisteredClient newClient(String name) {
		return RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId("cache-test-" + UUID.randomUUID())
			.clientName(name)
			.clientSecret(new ClientSecretPasswordEncoder().encode(UUID.randomUUID().toString()))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope("textbook.api")
			.build();
	}

	/** The real JDBC repository, counting how often it is read. */
	private static final class CountingRepository implements RegisteredClientRepository {

		private final RegisteredClientRepository database;

		private final AtomicInteger reads = new AtomicInteger();

		CountingRepository(RegisteredClientRepository database) {
			this.database = database;
		}

		@Override
		public void save(RegisteredClient registeredClient) {
			this.database.save(registeredClient);
		}

		@Override
		public RegisteredClient findById(String id) {
			this.reads.incrementAndGet();
			return this.database.findById(id);
		}

		@Override
		public RegisteredClient findByClientId(String clientId) {
			this.reads.incrementAndGet();
			return this.database.findByClientId(clientId);
		}

	}

	/** A clock the test moves forward. */
	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-25T04:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
