package ai.physical.textbook.api.personalization;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import ai.physical.textbook.api.config.ResourceApiProperties;
import ai.physical.textbook.testsupport.PostgresEndpoint;
import ai.physical.textbook.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The row-level-security protocol on real PostgreSQL: inside the transaction the work runs as the application role
 * with the acting user set; afterwards the connection is back to the login user. A probe role stands in for the one
 * the row-level-security changesets create.
 */
class UserScopedTransactionsTests {

	private static final String CURRENT = """
			SELECT current_user || '|' || coalesce(current_setting('app.user_id', true), '')
			       || '|' || coalesce(current_setting('app.is_admin', true), '')
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	UserScopedTransactionsTests() {
		PostgresEndpoint postgres = TestInfrastructure.get().postgres();
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(postgres.jdbcUrl(), postgres.username(),
				postgres.password(), true);
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	private UserScopedTransactions scoped(String role, boolean enabled) {
		UserScopedTransactions scoped = new UserScopedTransactions(this.jdbc, this.transactions,
				new ResourceApiProperties(null, null, null, null, new ResourceApiProperties.Rls(enabled, role), null,
						null));
		scoped.afterSingletonsInstantiated();
		return scoped;
	}

	@Test
	void whenRoleExistsThenWorkRunsAsItWithTheUserSetAndOnlyInsideTheTransaction() {
		String role = "rls_probe_" + Long.toHexString(System.nanoTime());
		this.jdbc.getJdbcTemplate().execute("CREATE ROLE " + role + " NOLOGIN");
		UUID userId = UUID.randomUUID();
		UserScopedTransactions scoped = scoped(role, true);

		String inside = scoped.asUser(userId, true, () -> this.jdbc.queryForObject(CURRENT, Map.of(), String.class));

		assertThat(scoped.active()).isTrue();
		assertThat(inside).isEqualTo(role + "|" + userId + "|true");
		String after = this.jdbc.queryForObject(CURRENT, Map.of(), String.class);
		assertThat(after).startsWith(TestInfrastructure.get().postgres().username() + "|").doesNotContain(role);
	}

	@Test
	void whenRoleIsMissingOrDisabledThenWorkRunsAsTheLoginUser() {
		String login = TestInfrastructure.get().postgres().username();
		UserScopedTransactions missing = scoped("no_such_role_" + Long.toHexString(System.nanoTime()), true);
		UserScopedTransactions disabled = scoped("personalization_app", false);

		assertThat(missing.active()).isFalse();
		assertThat(disabled.active()).isFalse();
		assertThat(missing.asUser(UUID.randomUUID(), false,
				() -> this.jdbc.queryForObject("SELECT current_user", Map.of(), String.class))).isEqualTo(login);
	}

}
