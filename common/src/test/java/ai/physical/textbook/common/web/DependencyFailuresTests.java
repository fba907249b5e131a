package ai.physical.textbook.common.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures count as "a dependency is unavailable", however deeply they are wrapped, and which do not.
 */
class DependencyFailuresTests {

	@Test
	void whenConnectionsCannotBeHadOrTimeOutThenUnavailable() {
		assertThat(DependencyFailures.isUnavailable(new CannotGetJdbcConnectionException("no connection",
				new SQLException("refused", "08001")))).isTrue();
		assertThat(DependencyFailures.isUnavailable(new CannotCreateTransactionException("no connection",
				new SQLTransientConnectionException("auth-server - Connection is not available")))).isTrue();
		assertThat(DependencyFailures.isUnavailable(new RedisConnectionFailureException("down",
				new RedisConnectionException("Unable to connect", new ConnectException("refused"))))).isTrue();
		assertThat(DependencyFailures.isUnavailable(new QueryTimeoutException("Redis command timed out"))).isTrue();
		// The commit failed (server restarting), then the rollback on the closed connection: HikariCP's message, no
		// SQLState; the transaction manager reports only the rollback failure.
		assertThat(DependencyFailures.isUnavailable(new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed")))).isTrue();
		// PostgreSQL shutting down under a running query: admin shutdown.
		assertThat(DependencyFailures.isUnavailable(new SQLException("terminating connection", "57P01"))).isTrue();
	}

	@Test
	void whenLettuceRejectsCommandsWhileReconnectingThenUnavailable() {
		RedisSystemException rejected = new RedisSystemException("Redis exception",
				new RedisException("Currently not connected. Commands are rejected."));
		assertThat(DependencyFailures.isUnavailable(rejected)).isTrue();
		assertThat(DependencyFailures.isUnavailable(new RedisSystemException("Error in execution",
				new RedisCommandExecutionException("LOADING Redis is loading the dataset in memory")))).isTrue();
	}

	@Test
	void whenWrappedByTheDispatcherOrASecurityFilterThenStillUnavailable() {
		Throwable wrapped = new ServletException("Request processing failed",
				new RuntimeException("authentication service failed",
						new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08006"))));
		assertThat(DependencyFailures.isUnavailable(wrapped)).isTrue();
	}

	@Test
	void whenTheFailureIsABugOrBadDataThenNotUnavailable() {
		assertThat(DependencyFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
		assertThat(DependencyFailures.isUnavailable(new DataIntegrityViolationException("duplicate",
				new SQLException("duplicate key", "23505")))).isFalse();
		// NUL byte refused by PostgreSQL: bad input, not an outage.
		assertThat(DependencyFailures.isUnavailable(new SQLException("invalid byte sequence", "22021"))).isFalse();
		assertThat(DependencyFailures.isUnavailable(new RedisSystemException("Error in execution",
				new RedisCommandExecutionException("WRONGTYPE Operation against a key")))).isFalse();
		assertThat(DependencyFailures.isUnavailable(new RedisException("Cannot encode command"))).isFalse();
		// A transaction misuse without a database failure behind it.
		assertThat(DependencyFailures.isUnavailable(new TransactionSystemException("no transaction is active")))
			.isFalse();
		assertThat(DependencyFailures.isUnavailable(null)).isFalse();
	}

	@Test
	void whenCausesFormACycleThenTheWalkEnds() {
		IllegalStateException first = new IllegalStateException("first");
		IllegalArgumentException second = new IllegalArgumentException("second", first);
		first.initCause(second);

		assertThat(DependencyFailures.isUnavailable(first)).isFalse();
	}

}
