package ai.physical.textbook.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in issuer on loopback that publishes the JWK set (and discovery metadata) of a {@link JwtForge}, so a
 * resource server can be tested against tokens whose every claim the test controls.
 */
public final class IssuerStub implements AutoCloseable {

	private final HttpServer server;

	private final AtomicInteger jwkSetRequests = new AtomicInteger();

	private volatile JwtForge forge;

	private IssuerStub(HttpServer server) {
		this.server = server;
	}

	public static IssuerStub start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			IssuerStub stub = new IssuerStub(server);
			stub.forge = new JwtForge(stub.issuer());
			server.createContext("/oauth2/jwks", (exchange) -> {
				stub.jwkSetRequests.incrementAndGet();
				stub.respond(exchange, stub.forge.publicJwkSetJson());
			});
			String metadata = "{\"issuer\":\"" + stub.issuer() + "\",\"jwks_uri\":\"" + stub.issuer()
					+ "/oauth2/jwks\",\"token_endpoint\":\"" + stub.issuer() + "/oauth2/token\"}";
			server.createContext("/.well-known/", (exchange) -> stub.respond(exchange, metadata));
			server.start();
			return stub;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public String jwkSetUri() {
		return issuer() + "/oauth2/jwks";
	}

	public JwtForge forge() {
		return this.forge;
	}

	public int jwkSetRequests() {
		return this.jwkSetRequests.get();
	}

	private void respond(HttpExchange exchange, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
