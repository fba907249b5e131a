package ai.physical.textbook.auth.config;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import ai.physical.textbook.auth.support.AuthServerIntegrationTest;
import ai.physical.textbook.testsupport.OneConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that keeps its connection open (a load balancer, a resource server fetching keys, a load generator) is
 * not made to reconnect: Tomcat's default closed every connection after 100 requests.
 */
@AuthServerIntegrationTest
class KeepAliveTests {

	@LocalServerPort
	int port;

	@Test
	void whenAClientSendsManyRequestsOnOneConnectionThenTheServerKeepsItOpen() throws Exception {
		assertThat(OneConnection.answeredBeforeClose(this.port, "/oauth2/jwks", 250)).isEqualTo(250);
	}

}
