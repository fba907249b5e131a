package ai.physical.textbook.auth.testing;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes sure the test database has the row-level-security contract of docs/architecture.md (role
 * {@code identity_app}, policies on the three profile tables). The identity changelog's RLS changesets provide it;
 * when they are absent (this feature's branch alone) this fixture creates the same contract, and when they are
 * present it changes nothing: the role is created only if missing and policies only on tables that have none.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RowSecurityFixture {

	static final String[] TABLES = { "profiles", "software_backgrounds", "hardware_backgrounds" };

	/** Marker bean: exists once the contract is in place. */
	public record Applied() {
	}

	@Bean
	@DependsOn("liquibase")
	Applied rowSecurityContract(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("""
				DO $$ BEGIN
				  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'identity_app') THEN
				    CREATE ROLE identity_app NOLOGIN;
				  END IF;
				END $$""");
		jdbc.execute("GRANT USAGE ON SCHEMA identity TO identity_app");
		jdbc.execute("GRANT SELECT ON identity.users TO identity_app");
		for (String table : TABLES) {
			jdbc.execute("GRANT SELECT, INSERT, UPDATE ON identity." + table + " TO identity_app");
			Integer policies = jdbc.queryForObject(
					"SELECT count(*) FROM pg_policies WHERE schemaname = 'identity' AND tablename = ?", Integer.class,
					table);
			if (policies == null || policies == 0) {
				jdbc.execute("ALTER TABLE identity." + table + " ENABLE ROW LEVEL SECURITY");
				jdbc.execute("CREATE POLICY " + table + "_self ON identity." + table + " FOR ALL TO identity_app "
						+ "USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid) "
						+ "WITH CHECK (user_id = nullif(current_setting('app.user_id', true), '')::uuid)");
				jdbc.execute("CREATE POLICY " + table + "_admin_read ON identity." + table
						+ " FOR SELECT TO identity_app USING (current_setting('app.is_admin', true) = 'true')");
			}
		}
		return new Applied();
	}

}
