package ai.physical.textbook.testsupport;

/**
 * PostgreSQL in a Testcontainers container, used when a Docker engine is available. Testcontainers is an optional
 * dependency, so this class only touches it after checking that it is on the classpath.
 */
final class DockerPostgres {

	private static final String IMAGE = "postgres:17-alpine";

	private DockerPostgres() {
	}

	static boolean isDockerAvailable() {
		if (Boolean.getBoolean("textbook.test.no-docker") || "false".equals(System.getenv("TESTCONTAINERS_ENABLED"))) {
			return false;
		}
		try {
			Class.forName("org.testcontainers.DockerClientFactory");
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
		try {
			return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	static PostgresEndpoint start() {
		var container = new org.testcontainers.postgresql.PostgreSQLContainer(IMAGE)
			.withDatabaseName("textbook")
			.withUsername("postgres")
			.withPassword("postgres");
		container.start();
		return new PostgresEndpoint(container.getHost(), container.getFirstMappedPort(), "textbook", "postgres",
				"postgres");
	}

}
