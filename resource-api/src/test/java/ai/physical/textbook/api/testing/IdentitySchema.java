package ai.physical.textbook.api.testing;

import liquibase.integration.spring.SpringLiquibase;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import ai.physical.textbook.testsupport.PostgresEndpoint;
import ai.physical.textbook.testsupport.TestInfrastructure;

/**
 * Applies the auth-server's changelog (from the db-changelog jar) to the test database once per JVM, so that
 * {@code identity.revoked_tokens}, the table the denylist falls back to, exists as in production. Only the schema is
 * used, no auth-server code.
 */
public final class IdentitySchema {

	private static boolean migrated;

	private IdentitySchema() {
	}

	public static synchronized void ensureMigrated() {
		if (migrated) {
			return;
		}
		PostgresEndpoint postgres = TestInfrastructure.get().postgres();
		SpringLiquibase liquibase = new SpringLiquibase();
		liquibase.setDataSource(new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(),
				postgres.password()));
		liquibase.setResourceLoader(new DefaultResourceLoader());
		liquibase.setChangeLog("classpath:db/changelog/identity/db.changelog-master.yaml");
		liquibase.setLiquibaseSchema("public");
		liquibase.setDefaultSchema("public");
		liquibase.setDatabaseChangeLogTable("identity_databasechangelog");
		liquibase.setDatabaseChangeLogLockTable("identity_databasechangeloglock");
		try {
			liquibase.afterPropertiesSet();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot apply the identity changelog", ex);
		}
		migrated = true;
	}

}
