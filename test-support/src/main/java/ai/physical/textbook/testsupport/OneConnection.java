package ai.physical.textbook.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A keep-alive client on one TCP connection: sends HTTP/1.1 {@code GET}s one after another and reads each answer
 * (fixed length or chunked), so a test can see when the server announces {@code Connection: close} or closes.
 */
public final class OneConnection {

	private OneConnection() {
	}

	/**
	 * @param port the server's loopback port
	 * @param path the path to get
	 * @param requests how many requests to send
	 * @return how many answers came back with status 200 before the server closed the connection or said it would
	 * (the answer that says so is not counted)
	 */
	public static int answeredBeforeClose(int port, String path, int requests) throws IOException {
		byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			for (int answered = 0; answered < requests; answered++) {
				out.write(request);
				out.flush();
				String statusLine = line(in);
				if (statusLine == null) {
					return answered;
				}
				boolean closes = readHeadersAndBody(in);
				if (closes || !statusLine.startsWith("HTTP/1.1 200")) {
					return answered;
				}
			}
			return requests;
		}
	}

	/** @return whether the answer says the connection closes after it */
	private static boolean readHeadersAndBody(InputStream in) throws IOException {
		long length = 0;
		boolean chunked = false;
		boolean closes = false;
		for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring("content-length:".length()).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				closes = true;
			}
		}
		if (!chunked) {
			in.skipNBytes(length);
			return closes;
		}
		for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
			in.skipNBytes(size);
			line(in);
		}
		// Trailers, then the empty line.
		for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
			// nothing to keep
		}
		return closes;
	}

	private static long chunkSize(InputStream in) throws IOException {
		String sizeLine = line(in);
		if (sizeLine == null) {
			throw new IOException("The connection closed inside a chunked body");
		}
		int extension = sizeLine.indexOf(';');
		return Long.parseLong((extension < 0) ? sizeLine.trim() : sizeLine.substring(0, extension).trim(), 16);
	}

	/** @return the next line without its CRLF, or {@code null} at the end of the stream */
	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != -1; b = in.read()) {
			if (b == '\n') {
				String text = line.toString(StandardCharsets.ISO_8859_1);
				return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
			}
			line.write(b);
		}
		return (line.size() == 0) ? null : line.toString(StandardCharsets.ISO_8859_1);
	}

}
