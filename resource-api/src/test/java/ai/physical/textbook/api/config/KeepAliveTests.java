package ai.physical.textbook.api.config;

import org.junit.jupiter.api.Test;

import ai.physical.textbook.api.testing.ResourceApiIntegrationTest;
import ai.physical.textbook.testsupport.OneConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that keeps its connection open (a load balancer, the reader's browser) is not made to reconnect: Tomcat's
 * default closed every connection after 100 requests.
 */
class KeepAliveTests extends ResourceApiIntegrationTest {

	@Test
	void whenAClientSendsManyRequestsOnOneConnectionThenTheServerKeepsItOpen() throws Exception {
		assertThat(OneConnection.answeredBeforeClose(this.port, "/actuator/health/liveness", 250)).isEqualTo(250);
	}

}
