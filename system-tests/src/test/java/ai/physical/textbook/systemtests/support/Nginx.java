package ai.physical.textbook.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ai.physical.textbook.testsupport.FreePorts;

/**
 * nginx (Debian's package, installed by .ci/run) as the load balancer in front of several auth-server instances,
 * run in the foreground from a configuration and prefix directory of its own, listening on loopback only.
 *
 * <p>The proxy overwrites every forwarded header instead of appending to what the client sent (RFC 9700 section
 * 4.13: a TLS-terminating proxy must sanitize them), so a client cannot choose the address the per-IP brute-force
 * limits count.
 *
 * <p>Connection failures to an upstream (a killed instance) are retried on the next one, which nginx does even for
 * POST as long as nothing was sent; a request already sent to an instance that dies fails, as in production.
 */
public final class Nginx implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path directory;

	private Nginx(Process process, int port, Path directory) {
		this.process = process;
		this.port = port;
		this.directory = directory;
	}

	/** The nginx binary, or null when it is not installed. */
	public static String binary() {
		for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		return null;
	}

	/** A free port for the balancer, so the instances can be told their issuer URL before it starts. */
	public static int reservePort() {
		return FreePorts.next();
	}

	/** Starts nginx on {@code port}, balancing round-robin over the given loopback ports. */
	public static Nginx start(int port, List<Integer> upstreamPorts, Path directory) {
		String binary = binary();
		if (binary == null) {
			throw new IllegalStateException("nginx is not installed (.ci/run installs Debian's nginx-light)");
		}
		try {
			Files.createDirectories(directory.resolve("temp"));
			Files.writeString(directory.resolve("nginx.conf"), configuration(port, upstreamPorts, directory));
			Process process = new ProcessBuilder(binary, "-p", directory.toString(), "-c",
					directory.resolve("nginx.conf").toString(), "-e", directory.resolve("error.log").toString())
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("nginx.out").toFile())
				.start();
			Nginx nginx = new Nginx(process, port, directory);
			nginx.awaitListening(Duration.ofSeconds(20));
			return nginx;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start nginx", ex);
		}
	}

	private static String configuration(int port, List<Integer> upstreamPorts, Path directory) {
		String servers = upstreamPorts.stream()
			.map((upstream) -> "    server 127.0.0.1:" + upstream + " max_fails=1 fail_timeout=10s;")
			.collect(Collectors.joining("\n"));
		String temp = directory.resolve("temp").toString();
		return """
				worker_processes 1;
				daemon off;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log warn;
				events { worker_connections 4096; }
				http {
				  access_log %1$s/access.log;
				  client_body_temp_path %2$s/body;
				  proxy_temp_path %2$s/proxy;
				  fastcgi_temp_path %2$s/fastcgi;
				  uwsgi_temp_path %2$s/uwsgi;
				  scgi_temp_path %2$s/scgi;
				  upstream auth_servers {
				%3$s
				    keepalive 64;
				  }
				  server {
				    listen 127.0.0.1:%4$d;
				    location / {
				      proxy_pass http://auth_servers;
				      proxy_http_version 1.1;
				      proxy_set_header Connection "";
				      proxy_set_header Host $http_host;
				      proxy_set_header X-Forwarded-For $remote_addr;
				      proxy_set_header X-Forwarded-Proto $scheme;
				      proxy_set_header X-Forwarded-Host $http_host;
				      proxy_set_header X-Forwarded-Port $server_port;
				      proxy_next_upstream error timeout http_502 http_503;
				      proxy_next_upstream_tries 2;
				      proxy_connect_timeout 2s;
				      proxy_read_timeout 30s;
				    }
				  }
				}
				""".formatted(directory, temp, servers, port);
	}

	private void awaitListening(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("nginx exited: " + log());
			}
			try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
				return;
			}
			catch (IOException ex) {
				AppProcess.sleep(Duration.ofMillis(100));
			}
		}
		throw new IllegalStateException("nginx not listening on " + this.port + ": " + log());
	}

	public int port() {
		return this.port;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	public String log() {
		try {
			String error = Files.exists(this.directory.resolve("error.log"))
					? Files.readString(this.directory.resolve("error.log")) : "";
			String out = Files.exists(this.directory.resolve("nginx.out"))
					? Files.readString(this.directory.resolve("nginx.out")) : "";
			return out + error;
		}
		catch (IOException ex) {
			return "";
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
