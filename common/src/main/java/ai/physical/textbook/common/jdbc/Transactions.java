package ai.physical.textbook.common.jdbc;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Units of database work, explicitly demarcated.
 * <ul>
 * <li>Any exception or error thrown by a unit rolls it back (not only unchecked ones, as {@code @Transactional}
 * does by default) and is rethrown unchanged.</li>
 * <li>{@link #call} and {@link #run} join a surrounding transaction or start one; a unit that starts a transaction is
 * retried as a whole on transient failures ({@link TransientRetry}).</li>
 * <li>{@link #nested} runs inside a savepoint of the surrounding transaction: its failure undoes only its own work,
 * and the caller may catch the exception and carry on with the outer unit.</li>
 * <li>{@link #asUser} runs a unit under the row-level-security protocol of {@code docs/architecture.md}.</li>
 * </ul>
 */
public final class Transactions {

	private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private final TransactionTemplate required;

	private final TransactionTemplate readOnly;

	private final TransactionTemplate nested;

	private final TransactionTemplate serializable;

	private final TransientRetry retry;

	private final NamedParameterJdbcTemplate jdbc;

	/**
	 * @param transactionManager the transaction manager of the data source {@code jdbc} uses
	 * @param retry the retry policy of outermost units
	 * @param jdbc used to set the row-level-security context
	 */
	public Transactions(PlatformTransactionManager transactionManager, TransientRetry retry,
			NamedParameterJdbcTemplate jdbc) {
		this.required = new TransactionTemplate(transactionManager);
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.nested = new TransactionTemplate(transactionManager);
		this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.serializable = new TransactionTemplate(transactionManager);
		this.serializable.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
		this.retry = retry;
		this.jdbc = jdbc;
	}

	/** Runs the unit in a transaction (joining one if active) and returns its result. */
	public <T> T call(TransactionCallback<T> unit) {
		return this.retry.call(() -> execute(this.required, unit));
	}

	/** Runs the unit in a transaction (joining one if active). */
	public void run(Runnable unit) {
		call((status) -> {
			unit.run();
			return null;
		});
	}

	/** Runs the unit in a read-only transaction (joining one if active) and returns its result. */
	public <T> T readOnly(TransactionCallback<T> unit) {
		return this.retry.call(() -> execute(this.readOnly, unit));
	}

	/**
	 * Runs the unit in a {@code SERIALIZABLE} transaction and returns its result. PostgreSQL aborts one of two
	 * conflicting serializable transactions (SQLState {@code 40001}); that one is retried as a whole.
	 */
	public <T> T serializable(TransactionCallback<T> unit) {
		return this.retry.call(() -> execute(this.serializable, unit));
	}

	/**
	 * Runs the unit inside a savepoint of the active transaction (or in a new transaction when none is active). When
	 * the unit fails, its work is rolled back to the savepoint and the exception is rethrown; the outer transaction
	 * stays usable if the caller handles it.
	 */
	public <T> T nested(TransactionCallback<T> unit) {
		return this.retry.call(() -> execute(this.nested, unit));
	}

	/**
	 * Runs the unit as a user of the application, under row-level security: inside the transaction it switches to
	 * {@code role} ({@code SET LOCAL ROLE}) and sets {@code app.user_id} and {@code app.is_admin}, all of which end
	 * with the transaction. Must start the transaction (not join one), so the context cannot leak into other work.
	 * @param role {@code identity_app} or {@code personalization_app}
	 * @param userId the signed-in user
	 * @param admin whether the user has the admin role (reads every row, changes only their own)
	 */
	public <T> T asUser(String role, UUID userId, boolean admin, TransactionCallback<T> unit) {
		if (!ROLE_NAME.matcher(role).matches()) {
			throw new IllegalArgumentException("Not a role name: " + role);
		}
		if (userId == null) {
			throw new IllegalArgumentException("userId is required");
		}
		return this.retry.call(() -> execute(this.required, (status) -> {
			if (!status.isNewTransaction()) {
				throw new IllegalStateException("asUser must start its own transaction");
			}
			// A role is an identifier, not a value, so it cannot be a bind parameter; it was validated above.
			this.jdbc.getJdbcTemplate().execute("SET LOCAL ROLE " + role);
			this.jdbc.queryForObject(
					"SELECT set_config('app.user_id', :userId, true), set_config('app.is_admin', :admin, true)",
					new MapSqlParameterSource().addValue("userId", userId.toString())
						.addValue("admin", Boolean.toString(admin)),
					(rs, row) -> rs.getString(1));
			return unit.doInTransaction(status);
		}));
	}

	/**
	 * Executes the unit; when the rollback after its failure fails as well (the connection is gone), the unit's own
	 * failure is what the caller sees, not the rollback's.
	 */
	private static <T> T execute(TransactionTemplate template, TransactionCallback<T> unit) {
		try {
			return template.execute(unit);
		}
		catch (TransactionSystemException ex) {
			if (ex.getApplicationException() instanceof RuntimeException original) {
				original.addSuppressed(ex);
				throw original;
			}
			if (ex.getApplicationException() instanceof Error original) {
				original.addSuppressed(ex);
				throw original;
			}
			throw ex;
		}
	}

}
