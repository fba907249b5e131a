package ai.physical.textbook.bench.seed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import ai.physical.textbook.testsupport.PostgresEndpoint;
import ai.physical.textbook.testsupport.TestInfrastructure;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The loaders against a real PostgreSQL with the real identity schema: what they write must satisfy its constraints.
 */
class SeedingTest {

	static PostgresEndpoint database;

	@BeforeAll
	@SuppressWarnings("deprecation")
	static void migrate() throws Exception {
		database = TestInfrastructure.get().freshDatabase();
		try (Connection connection = connect()) {
			new Liquibase("db/changelog/identity/db.changelog-master.yaml", new ClassLoaderResourceAccessor(),
					new JdbcConnection(connection)).update("");
		}
	}

	static Connection connect() throws Exception {
		return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
	}

	@Test
	void whenSeededTwiceThenEveryUserHasOneCompleteProfileWithBothBackgrounds() throws Exception {
		try (Connection connection = connect()) {
			Seeder.seed(connection, 40, "{argon2id}$argon2id$v=19$m=7168,t=5,p=1$c2FsdA$aGFzaA");
			Seeder.seed(connection, 50, "{argon2id}$argon2id$v=19$m=7168,t=5,p=1$c2FsdA$aGFzaA");

			assertThat(count(connection, "SELECT count(*) FROM identity.users WHERE email LIKE 'bench-user-%'")).isEqualTo(50);
			assertThat(count(connection, """
					SELECT count(*) FROM identity.users u
					JOIN identity.profiles p ON p.user_id = u.id AND p.profile_complete
					JOIN identity.software_backgrounds s ON s.profile_id = p.id AND cardinality(s.programming_languages) >= 1
					JOIN identity.hardware_backgrounds h ON h.profile_id = p.id AND cardinality(h.familiar_platforms) >= 1
					WHERE u.email LIKE 'bench-user-%'""")).isEqualTo(50);
			assertThat(count(connection, "SELECT count(DISTINCT experience_level) FROM identity.software_backgrounds"))
				.isGreaterThan(1);
		}
	}

	@Test
	void whenFillingThenIndexedColumnsStayUniqueAndTheCountIsExact() throws Exception {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("""
					CREATE TABLE public.fill_test (
					    id varchar(100) PRIMARY KEY, token_value text, token_hash varchar(64) UNIQUE,
					    principal_name varchar(200) NOT NULL, issued_at timestamptz, metadata text, refresh_hash text)""");
			statement.execute("CREATE INDEX fill_test_principal ON public.fill_test (principal_name)");
			statement.execute("""
					INSERT INTO public.fill_test VALUES ('t1', 'jwt', 'hash-1', 'client-a', now(), '{"a":1}', NULL)""");

			AuthorizationFiller.fill(connection, "public.fill_test", 1_234);

			assertThat(count(connection, "SELECT count(*) FROM public.fill_test")).isEqualTo(1_234);
			assertThat(count(connection, "SELECT count(DISTINCT token_hash) FROM public.fill_test")).isEqualTo(1_234);
			assertThat(count(connection, "SELECT count(DISTINCT principal_name) FROM public.fill_test")).isEqualTo(1_234);
			assertThat(count(connection, "SELECT count(*) FROM public.fill_test WHERE refresh_hash IS NOT NULL")).isZero();
			assertThat(count(connection, "SELECT count(*) FROM public.fill_test WHERE metadata = '{\"a\":1}'")).isEqualTo(1_234);

			AuthorizationFiller.fill(connection, "public.fill_test", 0);

			assertThat(count(connection, "SELECT count(*) FROM public.fill_test")).isZero();
			assertThatIllegalStateException().isThrownBy(() -> AuthorizationFiller.fill(connection, "public.fill_test", 10))
				.withMessageContaining("no row to clone");
		}
	}

	@Test
	void whenFillingWithChildTableThenEveryCloneHasItsOwnChildRows() throws Exception {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("""
					CREATE TABLE public.family_test (id varchar(100) PRIMARY KEY, principal varchar(200) NOT NULL,
					    expires_at timestamptz NOT NULL)""");
			statement.execute("""
					CREATE TABLE public.family_token_test (token_hash varchar(64) PRIMARY KEY,
					    family_id varchar(100) NOT NULL REFERENCES public.family_test (id) ON DELETE CASCADE,
					    token_type varchar(32) NOT NULL, claims text)""");
			statement.execute("CREATE INDEX family_token_test_family ON public.family_token_test (family_id)");
			statement.execute("INSERT INTO public.family_test VALUES ('f1', 'client', now() + interval '15 minutes')");
			statement.execute("""
					INSERT INTO public.family_token_test VALUES ('h-access', 'f1', 'access_token', '{}'),
					    ('h-refresh', 'f1', 'refresh_token', NULL)""");

			AuthorizationFiller.fill(connection, "public.family_test", 500,
					new AuthorizationFiller.Child("public.family_token_test", "family_id"), "true");

			assertThat(count(connection, "SELECT count(*) FROM public.family_test")).isEqualTo(500);
			assertThat(count(connection, "SELECT count(*) FROM public.family_token_test")).isEqualTo(2 * 500);
			assertThat(count(connection, """
					SELECT count(*) FROM public.family_test f
					WHERE (SELECT count(*) FROM public.family_token_test t WHERE t.family_id = f.id) = 2""")).isEqualTo(500);
			assertThat(count(connection, "SELECT count(*) FROM public.family_test WHERE expires_at <= now()")).isZero();

			AuthorizationFiller.fill(connection, "public.family_test", 0);

			assertThat(count(connection, "SELECT count(*) FROM public.family_token_test")).isZero();
		}
	}

	private static long count(Connection connection, String sql) throws Exception {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
