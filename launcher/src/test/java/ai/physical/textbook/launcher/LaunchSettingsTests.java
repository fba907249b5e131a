package ai.physical.textbook.launcher;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LaunchSettingsTests {

	private final Path root = Path.of("/srv/textbook");

	@Test
	void whenNothingConfiguredThenEverythingEmbeddedOnDefaultPorts() {
		LaunchSettings settings = LaunchSettings.resolve(Map.of(), this.root);
		assertThat(settings.embeddedPostgres()).isTrue();
		assertThat(settings.embeddedRedis()).isTrue();
		assertThat(settings.authServerPort()).isEqualTo(9000);
		assertThat(settings.resourceApiPort()).isEqualTo(8081);
		assertThat(settings.postgresPort()).isEqualTo(15432);
		assertThat(settings.redisPort()).isEqualTo(16379);
		assertThat(settings.issuerUrl()).isEqualTo("http://localhost:9000");
		assertThat(settings.keyEncryptionKey()).isNull();
		assertThat(settings.postgresDirectory()).isEqualTo(Path.of("/srv/textbook/.data/postgres"));
		assertThat(settings.keyEncryptionKeyFile()).isEqualTo(Path.of("/srv/textbook/.data/kek"));
		assertThat(settings.authServerJar()).isEqualTo(Path.of("/srv/textbook/auth-server/target/auth-server-exec.jar"));
		assertThat(settings.resourceApiJar())
			.isEqualTo(Path.of("/srv/textbook/resource-api/target/resource-api-exec.jar"));
	}

	@Test
	void whenServersConfiguredThenNothingEmbedded() {
		LaunchSettings settings = LaunchSettings.resolve(Map.of("DATABASE_URL", "postgresql://u:p@db/app",
				"REDIS_URL", " redis://cache:6379 "), this.root);
		assertThat(settings.embeddedPostgres()).isFalse();
		assertThat(settings.embeddedRedis()).isFalse();
		assertThat(settings.databaseUrl()).isEqualTo("postgresql://u:p@db/app");
		assertThat(settings.redisUrl()).isEqualTo("redis://cache:6379");
	}

	@Test
	void whenOnlyDatabaseConfiguredThenRedisStillEmbedded() {
		LaunchSettings settings = LaunchSettings.resolve(Map.of("DATABASE_URL", "jdbc:postgresql://db/app",
				"REDIS_URL", "  "), this.root);
		assertThat(settings.embeddedPostgres()).isFalse();
		assertThat(settings.embeddedRedis()).isTrue();
	}

	@Test
	void whenPortsKeyAndIssuerConfiguredThenUsed() {
		LaunchSettings settings = LaunchSettings.resolve(Map.of("AUTH_SERVER_PORT", "9100", "RESOURCE_API_PORT",
				"8181", "EMBEDDED_POSTGRES_PORT", "25432", "EMBEDDED_REDIS_PORT", "26379", "TEXTBOOK_KEK", "k3y",
				"TEXTBOOK_DATA_DIR", "state"), this.root);
		assertThat(settings.authServerPort()).isEqualTo(9100);
		assertThat(settings.resourceApiPort()).isEqualTo(8181);
		assertThat(settings.postgresPort()).isEqualTo(25432);
		assertThat(settings.redisPort()).isEqualTo(26379);
		assertThat(settings.issuerUrl()).isEqualTo("http://localhost:9100");
		assertThat(settings.keyEncryptionKey()).isEqualTo("k3y");
		assertThat(settings.dataDirectory()).isEqualTo(Path.of("/srv/textbook/state"));
		assertThat(LaunchSettings.resolve(Map.of("ISSUER_URL", "https://id.example.com"), this.root).issuerUrl())
			.isEqualTo("https://id.example.com");
	}

	@Test
	void whenPortIsNotAPortThenRejectedNamingTheVariable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaunchSettings.resolve(Map.of("AUTH_SERVER_PORT", "nine"), this.root))
			.withMessageContaining("AUTH_SERVER_PORT");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaunchSettings.resolve(Map.of("EMBEDDED_REDIS_PORT", "70000"), this.root))
			.withMessageContaining("EMBEDDED_REDIS_PORT");
	}

}
