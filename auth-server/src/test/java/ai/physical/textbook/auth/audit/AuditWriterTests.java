package ai.physical.textbook.auth.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import ai.physical.textbook.auth.testing.AuthServerTest;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit writer on its own small application context over the real database: a burst of events from many
 * threads, with a queue far smaller than the burst, then the context closes at once. Every event must be in the
 * database afterwards.
 */
@AuthServerTest
class AuditWriterTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whenContextClosesRightAfterABurstThenNoEventIsLost() throws Exception {
		String marker = "burst-" + UUID.randomUUID() + "@audit.example";
		int threads = 8;
		int perThread = 250;
		AnnotationConfigApplicationContext context = writerContext(new AuditProperties(64, 50, Duration.ofMillis(50)));
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				done.add(pool.submit(() -> {
					for (int i = 0; i < perThread; i++) {
						context.publishEvent(new AuthEvent(null, marker, AuthEvent.SIGN_IN, "198.51.100.7", "burst", false,
								"bad_credentials", Instant.now()));
					}
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		context.close();
		// No waiting: close() has flushed everything before returning.
		assertThat(count(marker)).isEqualTo(threads * perThread);
	}

	@Test
	void whenRunningThenEventsAreWrittenOffTheCallersThreadInBatches() {
		String marker = "async-" + UUID.randomUUID() + "@audit.example";
		try (AnnotationConfigApplicationContext context = writerContext(
				new AuditProperties(10_000, 500, Duration.ofMillis(50)))) {
			for (int i = 0; i < 20; i++) {
				context.publishEvent(new AuthEvent(null, marker, AuthEvent.SIGN_IN, null, null, true, null, Instant.now()));
			}
			await().untilAsserted(() -> assertThat(count(marker)).isEqualTo(20));
			assertThat(context.getBean(AuditWriter.class).pending()).isZero();
		}
	}

	@Test
	void whenTheDatabaseRefusesOneEventThenTheOthersOfItsBatchAreStillWritten() {
		String record = UUID.randomUUID().toString();
		try (AnnotationConfigApplicationContext context = writerContext(
				new AuditProperties(10_000, 500, Duration.ofMillis(50)))) {
			// CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')) refuses the middle one.
			context.publishEvent(new DataChangeEvent(null, "UPDATE", "profiles", record, Map.of("a", 1), Map.of("a", 2),
					Instant.now()));
			context.publishEvent(new DataChangeEvent(null, "UPSERT", "profiles", record, null, Map.of("a", 3),
					Instant.now()));
			context.publishEvent(new DataChangeEvent(null, "DELETE", "profiles", record, Map.of("a", 2), null,
					Instant.now()));
		}
		assertThat(this.jdbc.sql("SELECT operation FROM identity.audit_logs WHERE record_id = :id ORDER BY id")
			.param("id", record)
			.query(String.class)
			.list()).containsExactly("UPDATE", "DELETE");
	}

	@Test
	void whenAddressIsNotAnIpLiteralThenStoredAsNull() {
		assertThat(AuditRepository.ip("203.0.113.9")).isEqualTo("203.0.113.9");
		assertThat(AuditRepository.ip("2001:db8::1")).isEqualTo("2001:db8:0:0:0:0:0:1");
		assertThat(AuditRepository.ip("example.com")).isNull();
		assertThat(AuditRepository.ip("unknown")).isNull();
		assertThat(AuditRepository.ip(null)).isNull();
	}

	private AnnotationConfigApplicationContext writerContext(AuditProperties properties) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		// The shared pool is not registered as a bean here: closing this context must not close it.
		context.registerBean(NamedParameterJdbcTemplate.class, () -> new NamedParameterJdbcTemplate(this.dataSource));
		context.registerBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(this.dataSource));
		context.registerBean(JsonMapper.class, () -> JsonMapper.builder().build());
		context.registerBean(AuditProperties.class, () -> properties);
		context.register(AuditRepository.class, AuditWriter.class);
		context.refresh();
		return context;
	}

	private int count(String email) {
		return this.jdbc.sql("SELECT count(*) FROM identity.auth_logs WHERE email = :email")
			.param("email", email)
			.query(Integer.class)
			.single();
	}

}
