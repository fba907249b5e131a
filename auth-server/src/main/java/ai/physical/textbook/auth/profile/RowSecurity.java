package ai.physical.textbook.auth.profile;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in a transaction under row-level security, with the protocol of docs/architecture.md:
 *
 * <pre>
 * SET LOCAL ROLE identity_app;
 * SELECT set_config('app.user_id', :userId, true), set_config('app.is_admin', :trueOrFalse, true);
 * </pre>
 *
 * Both settings end with the transaction, so a pooled connection never carries them to the next user. The role and
 * its policies come from the identity changelog (005-009); startup fails when RLS is enabled and the role is missing,
 * rather than silently running without it.
 */
@Component
class RowSecurity implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(RowSecurity.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final RowSecurityProperties properties;

	RowSecurity(JdbcClient jdbc, PlatformTransactionManager transactionManager, RowSecurityProperties properties) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.properties = properties;
	}

	/** Runs {@code work} in a new transaction as {@code actor}; everything it reads or writes is subject to RLS. */
	<T> T run(Actor actor, Supplier<T> work) {
		return this.transaction.execute((status) -> {
			if (this.properties.enabled()) {
				// A role name cannot be a bind parameter; it is validated as a plain identifier at startup.
				this.jdbc.sql("SET LOCAL ROLE " + this.properties.role()).update();
			}
			this.jdbc.sql("SELECT set_config('app.user_id', :userId, true), set_config('app.is_admin', :admin, true)")
				.param("userId", actor.userId().toString())
				.param("admin", Boolean.toString(actor.admin()))
				.query()
				.singleRow();
			return work.get();
		});
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.enabled()) {
			logger.warn("Row-level security is disabled (textbook.rls.enabled=false): profile paths rely on "
					+ "application checks only");
			return;
		}
		boolean exists = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :role)")
			.param("role", this.properties.role())
			.query(Boolean.class)
			.single();
		if (!exists) {
			throw new IllegalStateException("Row-level security is enabled but database role '"
					+ this.properties.role() + "' does not exist: apply the identity changelog (row-level security "
					+ "changesets) or set textbook.rls.enabled=false");
		}
	}

}
