package org.oneweek.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian's nginx as the reverse proxy in front of several instances, with a configuration
 * and a prefix of its own in a temporary directory, on a port of its own: the
 * configuration of docs/OPERATIONS.md, on the loopback address. It tells in a header
 * ({@code X-Upstream}) which instance answered.
 */
final class Nginx implements AutoCloseable {

	private static final List<Path> CANDIDATES = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx"),
			Path.of("/usr/local/sbin/nginx"));

	private final Process process;

	private final int port;

	private final Path prefix;

	private Nginx(Process process, int port, Path prefix) {
		this.process = process;
		this.port = port;
		this.prefix = prefix;
	}

	/** The nginx binary, if installed. */
	static Optional<Path> binary() {
		return CANDIDATES.stream().filter(Files::isExecutable).findFirst();
	}

	static Nginx start(Path prefix, List<Integer> upstreams) throws IOException, InterruptedException {
		Path nginx = binary().orElseThrow(() -> new IllegalStateException("nginx is not installed"));
		Files.createDirectories(prefix.resolve("logs"));
		int port = PrivatePostgres.freePort();
		String servers = upstreams.stream()
			.map((p) -> "    server 127.0.0.1:" + p + " max_fails=1 fail_timeout=10s;")
			.collect(Collectors.joining("\n"));
		Path conf = prefix.resolve("nginx.conf");
		Files.writeString(conf, """
				daemon off;
				worker_processes 1;
				pid %1$s/nginx.pid;
				error_log %1$s/logs/error.log warn;
				events { worker_connections 256; }
				http {
				  access_log off;
				  client_body_temp_path %1$s/body;
				  proxy_temp_path %1$s/proxy;
				  fastcgi_temp_path %1$s/fastcgi;
				  uwsgi_temp_path %1$s/uwsgi;
				  scgi_temp_path %1$s/scgi;
				  upstream oneweek {
				%2$s
				    keepalive 16;
				  }
				  server {
				    listen 127.0.0.1:%3$d;
				    client_max_body_size 16m;
				    location / {
				      proxy_pass http://oneweek;
				      proxy_http_version 1.1;
				      proxy_set_header Connection "";
				      proxy_set_header Host $http_host;
				      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
				      proxy_set_header X-Forwarded-Proto $scheme;
				      proxy_connect_timeout 2s;
				      proxy_next_upstream error timeout;
				      add_header X-Upstream $upstream_addr always;
				    }
				  }
				}
				""".formatted(prefix.toAbsolutePath(), servers, port), StandardCharsets.UTF_8);
		Process process = new ProcessBuilder(nginx.toString(), "-p", prefix.toAbsolutePath() + "/", "-c",
				conf.toAbsolutePath().toString(), "-e", prefix.resolve("logs/error.log").toAbsolutePath().toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(prefix.resolve("logs/output.log").toFile()))
			.start();
		Nginx proxy = new Nginx(process, port, prefix);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("nginx exited: " + proxy.errors());
			}
			try {
				if (http
					.send(HttpRequest.newBuilder(proxy.base().resolve("/actuator/health")).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200) {
					return proxy;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		proxy.close();
		throw new IllegalStateException("nginx did not answer in 30 s: " + proxy.errors());
	}

	URI base() {
		return URI.create("http://127.0.0.1:" + port);
	}

	String errors() {
		try (Stream<String> lines = Files.lines(prefix.resolve("logs/error.log"))) {
			return lines.collect(Collectors.joining("\n"));
		}
		catch (IOException ex) {
			return "(no error log)";
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

}
