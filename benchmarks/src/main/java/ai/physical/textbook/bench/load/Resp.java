package ai.physical.textbook.bench.load;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal Redis client (RESP2) for the one thing the harness does to Redis: delete a cache key before a timed
 * cache-miss request. One connection per worker; not thread-safe.
 */
final class Resp implements Closeable {

	private final Socket socket;

	private final OutputStream out;

	private final InputStream in;

	Resp(int port) throws IOException {
		this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
		this.socket.setTcpNoDelay(true);
		this.out = this.socket.getOutputStream();
		this.in = new BufferedInputStream(this.socket.getInputStream());
	}

	/** Sends a command and returns the reply's first line (e.g. {@code :1}, {@code +OK}). */
	String command(String... args) throws IOException {
		StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
		for (String arg : args) {
			byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
			request.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
		}
		this.out.write(request.toString().getBytes(StandardCharsets.UTF_8));
		this.out.flush();
		String line = readLine();
		if (line.startsWith("$")) {
			int length = Integer.parseInt(line.substring(1));
			if (length >= 0) {
				byte[] payload = this.in.readNBytes(length + 2);
				return new String(payload, 0, length, StandardCharsets.UTF_8);
			}
		}
		if (line.startsWith("-")) {
			throw new IOException("Redis error: " + line);
		}
		return line;
	}

	private String readLine() throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = this.in.read()) != -1) {
			if (c == '\r') {
				this.in.read();
				return line.toString();
			}
			line.append((char) c);
		}
		throw new IOException("Redis closed the connection");
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
