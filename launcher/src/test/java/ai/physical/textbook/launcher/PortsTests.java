package ai.physical.textbook.launcher;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import ai.physical.textbook.testsupport.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTests {

	@Test
	void whenPreferredPortFreeThenUsed() {
		int port = FreePorts.next();
		assertThat(Ports.preferredOrFree(port)).isEqualTo(port);
	}

	@Test
	void whenPreferredPortTakenThenAnotherFreePort() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int chosen = Ports.preferredOrFree(taken.getLocalPort());
			assertThat(chosen).isNotEqualTo(taken.getLocalPort());
			assertThat(Ports.isFree(chosen)).isTrue();
		}
	}

}
