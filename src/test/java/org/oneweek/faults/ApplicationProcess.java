package org.oneweek.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.oneweek.OneweekApplication;

/**
 * The application in a JVM of its own, as it runs in production ({@code main} of
 * {@link OneweekApplication} on its runtime class path, which the build writes to
 * {@code target/runtime-classpath.txt}), so that it can be killed with SIGKILL and
 * started again. Its output goes to a log file of its own, appended to across restarts.
 */
final class ApplicationProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final String name;

	private final int port;

	private final Path log;

	private final List<String> arguments;

	private Process process;

	private int starts;

	ApplicationProcess(String name, int port, Path log, List<String> arguments) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.arguments = List.copyOf(arguments);
	}

	String name() {
		return name;
	}

	int port() {
		return port;
	}

	URI base() {
		return URI.create("http://127.0.0.1:" + port);
	}

	Path log() {
		return log;
	}

	/**
	 * Starts the JVM and waits until {@code /actuator/health} answers 200.
	 * @return how long the start took
	 */
	Duration start(Duration timeout) throws IOException, InterruptedException {
		if (process != null && process.isAlive()) {
			throw new IllegalStateException(name + " is running");
		}
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
			// nice execs java: the pid stays the JVM's
			command.addAll(List.of("/usr/bin/nice", "-n", "5"));
		}
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// a short-lived server on a shared machine: the quick compiler and one GC thread
		command.addAll(
				List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-Xss512k", "-Dfile.encoding=UTF-8",
						"-cp", classpath(), OneweekApplication.class.getName(), "--server.port=" + port));
		command.addAll(arguments);
		Files.writeString(log, "\n==== start " + (++starts) + " of " + name + " ====\n", StandardCharsets.UTF_8,
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
		long began = System.nanoTime();
		process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		long deadline = began + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail(60));
			}
			if (healthy()) {
				return Duration.ofNanos(System.nanoTime() - began);
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(name + " did not start in " + timeout + ":\n" + tail(60));
	}

	boolean healthy() {
		try {
			HttpResponse<Void> response = http.send(
					HttpRequest.newBuilder(base().resolve("/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	boolean alive() {
		return process != null && process.isAlive();
	}

	long pid() {
		return process.pid();
	}

	/**
	 * SIGKILL: no shutdown hook, no graceful shutdown, the pool's connections dropped.
	 */
	void kill() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroyForcibly();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException(name + " survived SIGKILL");
			}
		}
	}

	/** SIGTERM, the graceful shutdown; SIGKILL if it takes longer than 30 s. */
	@Override
	public void close() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

	/** The last lines of the log, for a failure's message. */
	String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/**
	 * The application's runtime class path: its classes and the runtime dependencies the
	 * build listed, without the tests' classes and libraries (test components would be
	 * scanned as the application's own).
	 */
	static String classpath() {
		Path classes = Path.of("target", "classes").toAbsolutePath();
		Path listed = Path.of("target", "runtime-classpath.txt");
		try {
			if (Files.exists(listed)) {
				return classes + File.pathSeparator + Files.readString(listed, StandardCharsets.UTF_8).strip();
			}
			// run outside Maven (an IDE): the test class path without the tests' classes
			List<String> entries = new ArrayList<>();
			for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
				Path path = Path.of(entry);
				if (path.getFileName().toString().startsWith("surefirebooter") && entry.endsWith(".jar")) {
					try (JarFile jar = new JarFile(path.toFile())) {
						Manifest manifest = jar.getManifest();
						for (String url : manifest.getMainAttributes().getValue("Class-Path").split(" ")) {
							entries.add(Path.of(path.getParent().toUri().resolve(url)).toString());
						}
					}
				}
				else {
					entries.add(entry);
				}
			}
			entries.removeIf((entry) -> entry.endsWith("test-classes") || entry.endsWith("test-classes/"));
			return String.join(File.pathSeparator, entries);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
