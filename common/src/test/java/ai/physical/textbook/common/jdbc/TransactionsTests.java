package ai.physical.textbook.common.jdbc;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ai.physical.textbook.common.CommonIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchRuntimeException;

/**
 * Transactions and retries against a real PostgreSQL: real serialization failures, real admin shutdowns of the
 * backend, real savepoints.
 */
@CommonIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TransactionsTests {

	@Autowired
	Transactions transactions;

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	private String group;

	@BeforeEach
	void createTable() {
		this.jdbc.getJdbcTemplate().execute("""
				CREATE SCHEMA IF NOT EXISTS common_test;
				CREATE TABLE IF NOT EXISTS common_test.items (
				    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				    grp text NOT NULL,
				    name text NOT NULL UNIQUE
				)""");
		this.group = UUID.randomUUID().toString();
	}

	@Test
	void whenUnitFailsThenEverythingRolledBack() {
		assertThatIllegalStateException().isThrownBy(() -> this.transactions.run(() -> {
			insert("a");
			insert("b");
			throw new IllegalStateException("boom");
		}));
		assertThat(names()).isEmpty();

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.transactions.run(() -> {
			insert("c");
			throw new AssertionError("an Error, not an exception");
		}));
		assertThat(names()).isEmpty();
	}

	@Test
	void whenNestedUnitFailsThenOnlyItsWorkIsUndoneAndOuterCommits() {
		this.transactions.run(() -> {
			insert("outer-before");
			assertThatIllegalStateException().isThrownBy(() -> this.transactions.nested((status) -> {
				insert("inner");
				throw new IllegalStateException("inner fails");
			}));
			this.transactions.nested((status) -> insert("inner-ok"));
			insert("outer-after");
		});
		assertThat(names()).containsExactlyInAnyOrder("outer-before", "inner-ok", "outer-after");
	}

	@Test
	void whenNestedUnitFailsOnConstraintThenOuterContinues() {
		this.transactions.run(() -> {
			insert("first");
			// A failed statement aborts a PostgreSQL transaction; the savepoint is what keeps the outer one usable.
			assertThatExceptionOfType(DuplicateKeyException.class)
				.isThrownBy(() -> this.transactions.nested((status) -> insert("first")));
			insert("second");
		});
		assertThat(names()).containsExactlyInAnyOrder("first", "second");
	}

	@Test
	void whenOuterFailsAfterNestedSucceededThenNestedWorkIsRolledBackToo() {
		assertThatIllegalStateException().isThrownBy(() -> this.transactions.run(() -> {
			this.transactions.nested((status) -> insert("inner"));
			throw new IllegalStateException("outer fails");
		}));
		assertThat(names()).isEmpty();
	}

	@Test
	void whenTwoSerializableTransactionsConflictThenTheLoserIsRetriedAndBothSucceed() throws Exception {
		CyclicBarrier bothHaveRead = new CyclicBarrier(2);
		AtomicInteger attempts = new AtomicInteger();
		// Write skew: each reads the group's size and inserts; SERIALIZABLE must abort one of them with 40001.
		Runnable writer = () -> this.transactions.serializable((status) -> {
			int attempt = attempts.incrementAndGet();
			Integer size = this.jdbc.queryForObject("SELECT count(*) FROM common_test.items WHERE grp = :grp",
					Map.of("grp", this.group), Integer.class);
			if (attempt <= 2) {
				await(bothHaveRead);
			}
			return insert("item-" + size + "-" + UUID.randomUUID());
		});
		CompletableFuture<Void> first = CompletableFuture.runAsync(writer);
		CompletableFuture<Void> second = CompletableFuture.runAsync(writer);
		CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);

		assertThat(attempts).as("two first attempts and one retry of the loser").hasValue(3);
		assertThat(names()).hasSize(2)
			.anyMatch((name) -> name.startsWith("item-0-"))
			.anyMatch((name) -> name.startsWith("item-1-"));
	}

	@Test
	void whenBackendTerminatedByAdministratorThenUnitRetriedOnANewConnection() {
		AtomicInteger attempts = new AtomicInteger();
		String result = this.transactions.call((status) -> {
			if (attempts.incrementAndGet() <= 2) {
				// SQLState 57P01: what a server restart or a failover does to open connections.
				this.jdbc.getJdbcTemplate().execute("SELECT pg_terminate_backend(pg_backend_pid())");
			}
			insert("survivor");
			return "ok";
		});
		assertThat(result).isEqualTo("ok");
		assertThat(attempts).hasValue(3);
		assertThat(names()).containsExactly("survivor");
	}

	@Test
	void whenTransientFailureInsideAnOuterUnitThenOnlyTheOuterUnitIsRetried() {
		AtomicInteger outer = new AtomicInteger();
		AtomicInteger inner = new AtomicInteger();
		this.transactions.run(() -> {
			outer.incrementAndGet();
			// The inner unit joins the outer transaction; retrying it inside the aborted transaction could not work.
			this.transactions.run(() -> {
				if (inner.incrementAndGet() == 1) {
					this.jdbc.getJdbcTemplate().execute("SELECT pg_terminate_backend(pg_backend_pid())");
				}
				insert("joined");
			});
		});
		assertThat(inner).hasValue(2);
		assertThat(outer).hasValue(2);
		assertThat(names()).containsExactly("joined");
	}

	@Test
	void whenBackendAlwaysTerminatedThenGivesUpAfterThreeRetries() {
		AtomicInteger attempts = new AtomicInteger();
		RuntimeException failure = catchRuntimeException(() -> this.transactions.run(() -> {
			attempts.incrementAndGet();
			this.jdbc.getJdbcTemplate().execute("SELECT pg_terminate_backend(pg_backend_pid())");
		}));
		assertThat(TransientFailures.isTransient(failure)).as("the last transient failure is rethrown").isTrue();
		assertThat(attempts).hasValue(4);
	}

	@Test
	void whenConstraintViolatedThenNotRetried() {
		insert("taken");
		AtomicInteger attempts = new AtomicInteger();
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.transactions.run(() -> {
			attempts.incrementAndGet();
			insert("taken");
		}));
		assertThat(attempts).hasValue(1);
	}

	@Test
	void whenRunAsUserThenRoleAndContextLastOnlyForTheTransaction() {
		this.jdbc.getJdbcTemplate().execute("""
				DO $$ BEGIN
				    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'common_test_app') THEN
				        CREATE ROLE common_test_app NOLOGIN;
				    END IF;
				END $$;
				GRANT common_test_app TO CURRENT_USER""");
		UUID user = UUID.randomUUID();
		List<String> inside = this.transactions.asUser("common_test_app", user, true,
				(status) -> this.jdbc.queryForObject("SELECT current_user, current_setting('app.user_id'), "
						+ "current_setting('app.is_admin')", Map.of(),
						(rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))));
		assertThat(inside).containsExactly("common_test_app", user.toString(), "true");

		List<String> after = this.transactions.call((status) -> this.jdbc.queryForObject(
				"SELECT current_user, coalesce(current_setting('app.user_id', true), '')", Map.of(),
				(rs, row) -> List.of(rs.getString(1), rs.getString(2))));
		assertThat(after.get(0)).isNotEqualTo("common_test_app");
		assertThat(after.get(1)).isEmpty();
	}

	@Test
	void whenAsUserJoinsAnOuterTransactionThenRefused() {
		assertThatIllegalStateException().isThrownBy(() -> this.transactions.run(
				() -> this.transactions.asUser("common_test_app", UUID.randomUUID(), false, (status) -> null)));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> this.transactions.asUser("x; DROP TABLE y", UUID.randomUUID(), false, (status) -> null));
	}

	@Test
	void whenJdbcTemplateLoggerAtDebugThenStatementsLogged(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel("org.springframework.jdbc.core.JdbcTemplate", LogLevel.DEBUG);
		try {
			this.jdbc.queryForObject("SELECT count(*) FROM common_test.items WHERE grp = :grp",
					Map.of("grp", this.group), Integer.class);
		}
		finally {
			logging.setLogLevel("org.springframework.jdbc.core.JdbcTemplate", null);
		}
		assertThat(output).contains("Executing prepared SQL statement [SELECT count(*) FROM common_test.items WHERE grp = ?]");
	}

	private int insert(String name) {
		return this.jdbc.update("INSERT INTO common_test.items (grp, name) VALUES (:grp, :name)",
				Map.of("grp", this.group, "name", this.group + "/" + name));
	}

	private List<String> names() {
		return this.jdbc
			.queryForList("SELECT name FROM common_test.items WHERE grp = :grp", Map.of("grp", this.group),
					String.class)
			.stream()
			.map((name) -> name.substring(this.group.length() + 1))
			.toList();
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The other transaction never arrived", ex);
		}
	}

}
