package ai.physical.textbook.api.personalization;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ai.physical.textbook.api.config.ResourceApiProperties;

/**
 * Runs user-facing database work under row-level security, following the protocol of docs/architecture.md: in a
 * transaction that first switches to the application role and sets the acting user, so the policies on
 * {@code personalization.user_preferences} decide which rows are visible and changeable.
 *
 * <p>The role is created by the row-level-security changesets. Whether it exists is checked once at startup: when
 * {@code textbook.rls.enabled} is true but the role is missing (a database migrated without those changesets), the
 * work runs as the login user and a warning says so.
 */
@Component
class UserScopedTransactions implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(UserScopedTransactions.class);

	/** The role name is put into SQL text (SET ROLE takes no parameters), so it must be a plain identifier. */
	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ResourceApiProperties.Rls settings;

	private volatile boolean active;

	UserScopedTransactions(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions,
			ResourceApiProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.settings = properties.rls();
		if (!IDENTIFIER.matcher(this.settings.role()).matches()) {
			throw new IllegalStateException("textbook.rls.role must be a lower-case SQL identifier, got '"
					+ this.settings.role() + "'");
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.settings.enabled()) {
			logger.info("Row-level security for user-facing queries is disabled (textbook.rls.enabled=false)");
			return;
		}
		Boolean exists = this.jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :role)",
				Map.of("role", this.settings.role()), Boolean.class);
		this.active = Boolean.TRUE.equals(exists);
		if (this.active) {
			logger.info("User-facing queries run as role {} under row-level security", this.settings.role());
		}
		else {
			logger.warn("Role {} does not exist: user-facing queries run as the login user WITHOUT row-level security. "
					+ "Apply the row-level-security changesets or set textbook.rls.enabled=false to silence this.",
					this.settings.role());
		}
	}

	/** Whether work runs under the application role. */
	boolean active() {
		return this.active;
	}

	/**
	 * Runs work in a transaction scoped to a user.
	 * @param userId the acting user ({@code app.user_id})
	 * @param admin whether the user is an admin ({@code app.is_admin}: read access to every row)
	 * @param work the database work, using the same {@link NamedParameterJdbcTemplate}
	 * @return the work's result
	 */
	<T> T asUser(UUID userId, boolean admin, Supplier<T> work) {
		return this.transactions.execute((status) -> {
			if (this.active) {
				this.jdbc.getJdbcTemplate().execute("SET LOCAL ROLE " + this.settings.role());
				this.jdbc.queryForList(
						"SELECT set_config('app.user_id', :userId, true), set_config('app.is_admin', :admin, true)",
						Map.of("userId", userId.toString(), "admin", Boolean.toString(admin)));
			}
			return work.get();
		});
	}

}
