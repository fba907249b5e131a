package ai.physical.textbook.common.jdbc;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells transient PostgreSQL failures (worth running the whole unit again) from everything else.
 *
 * <p>Transient: connection failures (SQLState class {@code 08}), serialization failures ({@code 40001}), deadlocks
 * ({@code 40P01}) and server shutdowns ({@code 57P01} admin shutdown, {@code 57P02} crash shutdown, {@code 57P03}
 * cannot connect now). Everything else — constraint violations, syntax errors, timeouts of our own, application
 * exceptions — is not: running it again would fail the same way or, worse, do something twice.
 */
public final class TransientFailures {

	private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "57P01", "57P02", "57P03");

	private TransientFailures() {
	}

	/** Whether the failure, or any of its causes, is a transient PostgreSQL failure. */
	public static boolean isTransient(Throwable failure) {
		return CauseChain.anyMatch(failure,
				(cause) -> cause instanceof SQLException sql && isTransientState(sql.getSQLState()));
	}

	/** Whether an SQLState names a transient failure. */
	public static boolean isTransientState(String sqlState) {
		return sqlState != null && (sqlState.startsWith("08") || TRANSIENT_STATES.contains(sqlState));
	}

}
