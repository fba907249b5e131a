package ai.physical.textbook.common.jdbc;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TransientRetryTests {

	private final TransientRetry retry = new TransientRetry(3, Duration.ofMillis(1), 2.0, Duration.ofMillis(4));

	@Test
	void whenTransientFailuresThenRetriedUntilSuccess() {
		AtomicInteger attempts = new AtomicInteger();
		String result = this.retry.call(() -> {
			if (attempts.incrementAndGet() < 3) {
				throw new CannotAcquireLockException("conflict", new SQLException("could not serialize", "40001"));
			}
			return "done";
		});
		assertThat(result).isEqualTo("done");
		assertThat(attempts).hasValue(3);
	}

	@Test
	void whenAlwaysTransientThenThreeRetriesAndTheLastFailureThrown() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatExceptionOfType(CannotAcquireLockException.class).isThrownBy(() -> this.retry.run(() -> {
			attempts.incrementAndGet();
			throw new CannotAcquireLockException("deadlock " + attempts.get(),
					new SQLException("deadlock detected", "40P01"));
		})).withMessage("deadlock 4");
		assertThat(attempts).hasValue(4);
	}

	@Test
	void whenNotTransientThenNotRetried() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.retry.run(() -> {
			attempts.incrementAndGet();
			throw new DataIntegrityViolationException("dup", new SQLException("duplicate key", "23505"));
		}));
		assertThat(attempts).hasValue(1);

		attempts.set(0);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.retry.run(() -> {
			attempts.incrementAndGet();
			throw new IllegalStateException("application bug");
		}));
		assertThat(attempts).hasValue(1);
	}

	@Test
	void whenRetriesDisabledThenTransientFailureThrownAtOnce() {
		AtomicInteger attempts = new AtomicInteger();
		TransientRetry none = new TransientRetry(0, Duration.ofMillis(1), 2.0, Duration.ofMillis(1));
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> none.run(() -> {
			attempts.incrementAndGet();
			throw new RuntimeException(new SQLException("gone", "08006"));
		}));
		assertThat(attempts).hasValue(1);
	}

	@Test
	void classifiesSqlStates() {
		assertThat(TransientFailures.isTransientState("08006")).isTrue();
		assertThat(TransientFailures.isTransientState("08001")).isTrue();
		assertThat(TransientFailures.isTransientState("40001")).isTrue();
		assertThat(TransientFailures.isTransientState("40P01")).isTrue();
		assertThat(TransientFailures.isTransientState("57P01")).isTrue();
		assertThat(TransientFailures.isTransientState("57P02")).isTrue();
		assertThat(TransientFailures.isTransientState("57P03")).isTrue();
		assertThat(TransientFailures.isTransientState("57014")).as("query cancelled by our own timeout").isFalse();
		assertThat(TransientFailures.isTransientState("23505")).isFalse();
		assertThat(TransientFailures.isTransientState("42601")).isFalse();
		assertThat(TransientFailures.isTransientState(null)).isFalse();
		assertThat(TransientFailures.isTransient(new SQLTransientConnectionException("pool", "08003"))).isTrue();
		assertThat(TransientFailures.isTransient(new RuntimeException("no cause"))).isFalse();
	}

	@Test
	void whenCauseChainIsCyclicThenClassificationTerminates() {
		RuntimeException first = new RuntimeException("a");
		RuntimeException second = new RuntimeException("b", first);
		first.initCause(second);
		assertThat(TransientFailures.isTransient(first)).isFalse();
	}

	@Test
	void delaysGrowExponentiallyWithJitterAndCap() {
		TransientRetry policy = new TransientRetry(3, Duration.ofMillis(100), 2.0, Duration.ofMillis(300));
		for (int i = 0; i < 50; i++) {
			assertThat(policy.delayBeforeRetry(1).toMillis()).isBetween(50L, 100L);
			assertThat(policy.delayBeforeRetry(2).toMillis()).isBetween(100L, 200L);
			assertThat(policy.delayBeforeRetry(3).toMillis()).isBetween(150L, 300L);
		}
	}

	@Test
	void rejectsNonsensicalSettings() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TransientRetry(-1, Duration.ofMillis(1), 2, Duration.ofMillis(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TransientRetry(3, Duration.ofMillis(1), 0.5, Duration.ofMillis(1)));
	}

}
