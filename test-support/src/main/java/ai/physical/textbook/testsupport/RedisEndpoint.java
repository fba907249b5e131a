package ai.physical.textbook.testsupport;

/**
 * Where a running Redis server can be reached.
 */
public record RedisEndpoint(String host, int port) {

	public String url() {
		return "redis://" + this.host + ":" + this.port;
	}

}
