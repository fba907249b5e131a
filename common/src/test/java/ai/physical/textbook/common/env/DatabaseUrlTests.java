package ai.physical.textbook.common.env;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatabaseUrlTests {

	@Test
	void whenNeonUrlThenCredentialsExtractedAndParametersKept() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://alex:AbC123dEf@ep-cool-darkness-123456.us-east-2.aws.neon.tech"
				+ "/dbname?sslmode=require&channel_binding=require");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://ep-cool-darkness-123456.us-east-2.aws.neon.tech/dbname"
				+ "?sslmode=require&channelBinding=require");
		assertThat(url.username()).isEqualTo("alex");
		assertThat(url.password()).isEqualTo("AbC123dEf");
	}

	@Test
	void whenNeonPooledEndpointWithPortThenHostAndPortKept() {
		DatabaseUrl url = DatabaseUrl.parse("postgres://app:pw@ep-x-pooler.eu-central-1.aws.neon.tech:5432/neondb"
				+ "?sslmode=require&prepareThreshold=0&application_name=auth-server");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://ep-x-pooler.eu-central-1.aws.neon.tech:5432/neondb"
				+ "?sslmode=require&prepareThreshold=0&ApplicationName=auth-server");
	}

	@Test
	void whenCredentialsPercentEncodedThenDecoded() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://us%20er:p%40ss%3Aw%2Fo+rd%25@db.example.com/app");
		assertThat(url.username()).isEqualTo("us er");
		assertThat(url.password()).isEqualTo("p@ss:w/o+rd%");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com/app");
	}

	@Test
	void whenPasswordHasUnencodedAtSignThenLastAtSeparatesHost() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://user:p@ss@db.example.com:6543/app");
		assertThat(url.password()).isEqualTo("p@ss");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/app");
	}

	@Test
	void whenPasswordHasColonThenOnlyFirstColonSeparatesUser() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://user:a:b@db/app");
		assertThat(url.username()).isEqualTo("user");
		assertThat(url.password()).isEqualTo("a:b");
	}

	@Test
	void whenUserWithoutPasswordThenPasswordNull() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://reader@localhost/app");
		assertThat(url.username()).isEqualTo("reader");
		assertThat(url.password()).isNull();
	}

	@Test
	void whenNoCredentialsThenBothNull() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://localhost:5433/app");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5433/app");
		assertThat(url.username()).isNull();
		assertThat(url.password()).isNull();
	}

	@Test
	void whenIpv6HostThenKept() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@[::1]:5432/app");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/app");
	}

	@Test
	void whenSeveralHostsThenKept() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@db1:5432,db2:5432/app?targetServerType=primary");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db1:5432,db2:5432/app?targetServerType=primary");
	}

	@Test
	void whenEmptyQueryPartsThenDropped() {
		assertThat(DatabaseUrl.parse("postgresql://u:p@db/app?&sslmode=require&").jdbcUrl())
			.isEqualTo("jdbc:postgresql://db/app?sslmode=require");
		assertThat(DatabaseUrl.parse("postgresql://u:p@db/app?").jdbcUrl()).isEqualTo("jdbc:postgresql://db/app");
	}

	@Test
	void whenJdbcUrlThenUsedAsGiven() {
		DatabaseUrl url = DatabaseUrl.parse("  jdbc:postgresql://localhost:5432/textbook?sslmode=disable ");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/textbook?sslmode=disable");
		assertThat(url.username()).isNull();
	}

	@Test
	void whenNotPostgresThenRejectedWithReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("jdbc:mysql://localhost/app"))
			.withMessageContaining("PostgreSQL");
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("mysql://u:p@localhost/app"))
			.withMessageContaining("postgresql://");
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse(" "))
			.withMessageContaining("empty");
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse(null))
			.withMessageContaining("empty");
	}

	@Test
	void whenDatabaseOrHostMissingThenRejectedWithoutEchoingPassword() {
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("postgresql://u:s3cret@db.example.com"))
			.withMessageContaining("database name")
			.withMessageNotContaining("s3cret");
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("postgresql://u:s3cret@/app"))
			.withMessageContaining("host")
			.withMessageNotContaining("s3cret");
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("postgresql://u:bad%zz@db/app"))
			.withMessageContaining("percent-encoded")
			.withMessageNotContaining("bad%zz");
	}

	@Test
	void whenPrintedThenPasswordMasked() {
		assertThat(DatabaseUrl.parse("postgresql://u:s3cret@db/app").toString()).doesNotContain("s3cret")
			.contains("******");
	}

}
