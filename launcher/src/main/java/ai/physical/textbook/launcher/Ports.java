package ai.physical.textbook.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import ai.physical.textbook.testsupport.FreePorts;

/**
 * Port choice: a stable, preferred port when it is free (so psql and redis-cli find the embedded servers at the same
 * place every time), any free port otherwise.
 */
final class Ports {

	private Ports() {
	}

	static int preferredOrFree(int preferred) {
		return isFree(preferred) ? preferred : FreePorts.next();
	}

	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			// Like the servers themselves: a port with connections in TIME_WAIT is still usable.
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
