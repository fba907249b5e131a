package ai.physical.textbook.common.jdbc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.transaction.TransactionSystemException;

/**
 * Walks the causes of a failure. Failures of PostgreSQL and Redis usually arrive wrapped (in a
 * {@code ServletException}, an {@code AuthenticationServiceException}, a {@code CannotCreateTransactionException}),
 * and a rollback that failed because the connection died hides the original failure as its application exception.
 */
public final class CauseChain {

	private CauseChain() {
	}

	/** Whether the failure, one of its causes or a failed rollback's original failure matches. */
	public static boolean anyMatch(Throwable failure, Predicate<Throwable> test) {
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		Deque<Throwable> pending = new ArrayDeque<>();
		if (failure != null) {
			pending.add(failure);
		}
		while (!pending.isEmpty()) {
			Throwable current = pending.poll();
			if (seen.put(current, Boolean.TRUE) != null) {
				continue;
			}
			if (test.test(current)) {
				return true;
			}
			if (current.getCause() != null) {
				pending.add(current.getCause());
			}
			if (current instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
				pending.add(rollback.getApplicationException());
			}
		}
		return false;
	}

}
