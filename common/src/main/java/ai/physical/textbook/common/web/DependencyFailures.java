package ai.physical.textbook.common.web;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionSystemException;

import ai.physical.textbook.common.jdbc.CauseChain;
import ai.physical.textbook.common.jdbc.TransientFailures;

/**
 * Tells "PostgreSQL or Redis is unavailable right now" (worth a 503 and a retry a few seconds later) from every other
 * failure (a bug: 500). Looks through the whole cause chain, because the failure usually arrives wrapped: in a
 * {@code ServletException} from the dispatcher, an {@code AuthenticationServiceException} from a security filter, or
 * a {@code CannotCreateTransactionException} when the pool cannot hand out a connection.
 *
 * <p>Unavailable means any of: Spring's {@link DataAccessResourceFailureException} (which includes
 * {@code CannotGetJdbcConnectionException} and {@code RedisConnectionFailureException}),
 * {@link TransientDataAccessException} (which includes the {@code QueryTimeoutException} of a Redis command timeout),
 * {@link RecoverableDataAccessException}; a {@link TransactionSystemException} caused by an {@link SQLException} (a
 * commit or rollback that failed in a way the JDBC transaction manager could not translate: the connection was
 * closed under it, as when PostgreSQL restarts between the statement and the commit); an {@link SQLException} whose SQLState names a connection failure, a server
 * shutdown, a serialization failure or a deadlock ({@link TransientFailures#isTransientState(String)}), HikariCP's
 * {@link SQLTransientConnectionException} (no connection within the timeout), {@link SQLRecoverableException}; and
 * Lettuce's own connection failures and timeouts, including the "not connected, commands are rejected" answer of a
 * client that is reconnecting (which Spring Data Redis passes on only as a generic {@code RedisSystemException}) and
 * the {@code LOADING} error reply of a Redis that is still reading its dataset after a restart.
 */
public final class DependencyFailures {

	/** Messages of Lettuce's generic {@link RedisException} that mean the connection is away, not a bad command. */
	private static final List<String> LETTUCE_DISCONNECTED = List.of("Currently not connected",
			"Connection is closed", "Connection closed", "Connection disconnected", "Connection is already closed");

	private DependencyFailures() {
	}

	/** Whether the failure, or any of its causes, says that PostgreSQL or Redis is unavailable. */
	public static boolean isUnavailable(Throwable failure) {
		return CauseChain.anyMatch(failure, DependencyFailures::unavailable);
	}

	private static boolean unavailable(Throwable failure) {
		return failure instanceof DataAccessResourceFailureException
				|| failure instanceof TransientDataAccessException
				|| failure instanceof RecoverableDataAccessException
				|| (failure instanceof TransactionSystemException && failure.getCause() instanceof SQLException)
				|| failure instanceof SQLTransientConnectionException || failure instanceof SQLRecoverableException
				|| (failure instanceof SQLException sql && TransientFailures.isTransientState(sql.getSQLState()))
				|| failure instanceof RedisConnectionException || failure instanceof RedisCommandTimeoutException
				|| lettuceDisconnected(failure);
	}

	private static boolean lettuceDisconnected(Throwable failure) {
		if (!(failure instanceof RedisException) || failure.getMessage() == null) {
			return false;
		}
		String message = failure.getMessage();
		if (failure instanceof RedisCommandExecutionException) {
			// An error reply: only "still loading the dataset after a restart" means "come back in a moment".
			return message.startsWith("LOADING");
		}
		return LETTUCE_DISCONNECTED.stream().anyMatch(message::startsWith);
	}

}
