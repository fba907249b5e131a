package ai.physical.textbook.testsupport;

/**
 * Where a running PostgreSQL server can be reached, with superuser credentials.
 */
public record PostgresEndpoint(String host, int port, String database, String username, String password) {

	public String jdbcUrl() {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + this.database;
	}

}
