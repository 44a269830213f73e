package org.oneweek.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server started from the binaries on the class path, made durable:
 * zonky's defaults are for tests and turn {@code fsync} and {@code synchronous_commit}
 * off, which would lose acknowledged writes on a crash.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final EmbeddedPostgres postgres;

	private final String database;

	private final Path dataDirectory;

	private final boolean ephemeral;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database, Path dataDirectory, boolean ephemeral) {
		this.postgres = postgres;
		this.database = database;
		this.dataDirectory = dataDirectory;
		this.ephemeral = ephemeral;
	}

	public static EmbeddedPostgresServer start(EmbeddedDatabaseProperties properties) {
		try {
			Path dataDirectory = properties.ephemeral() ? Files.createTempDirectory("oneweek-pg")
					: properties.dataDirectory().toAbsolutePath().normalize();
			Files.createDirectories(dataDirectory);
			stopServerLeftBehind(dataDirectory);
			int port = (properties.port() != 0) ? properties.port() : freePort();
			log.info("Starting embedded PostgreSQL on port {} with data in {}", port, dataDirectory);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(properties.ephemeral())
				.setPort(port)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("max_connections", "100")
				.setServerConfig("timezone", "UTC")
				.start();
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, properties.database(), dataDirectory,
					properties.ephemeral());
			server.createDatabaseIfMissing();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The embedded PostgreSQL server could not start: " + ex.getMessage(), ex);
		}
	}

	public String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", database);
	}

	public Path dataDirectory() {
		return dataDirectory;
	}

	@Override
	public void close() {
		try {
			log.info("Stopping embedded PostgreSQL");
			postgres.close();
		}
		catch (IOException ex) {
			log.warn("The embedded PostgreSQL server did not stop cleanly: {}", ex.getMessage());
		}
		if (ephemeral) {
			deleteQuietly(dataDirectory);
		}
	}

	private void createDatabaseIfMissing() {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement
				.executeQuery("select 1 from pg_database where datname = '" + database.replace("'", "''") + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + database + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * A run that was killed (power cut, kill -9) leaves its postmaster running and
	 * holding the data directory. It has no clients any more, so a smart shutdown stops
	 * it cleanly; only if it refuses is it killed, and PostgreSQL's WAL recovery takes
	 * over on the next start.
	 */
	static void stopServerLeftBehind(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> leftover = readPid(pidFile).flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter(EmbeddedPostgresServer::isPostgres);
		if (leftover.isEmpty()) {
			// PostgreSQL itself ignores a pid file whose process is gone, but a recycled
			// pid
			// belonging to another program would make it refuse to start.
			log.warn("Removing a stale postmaster.pid left by an earlier run in {}", dataDirectory);
			Files.deleteIfExists(pidFile);
			return;
		}
		ProcessHandle process = leftover.get();
		log.warn("Stopping PostgreSQL (pid {}) left running by an earlier run in {}", process.pid(), dataDirectory);
		process.destroy();
		try {
			process.onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			log.warn("PostgreSQL (pid {}) did not stop in 30 s; killing it", process.pid());
			process.destroyForcibly();
			try {
				process.onExit().get(10, TimeUnit.SECONDS);
			}
			catch (Exception ignored) {
				throw new IOException("A PostgreSQL server (pid " + process.pid() + ") still holds " + dataDirectory
						+ "; stop it and start again");
			}
			Files.deleteIfExists(pidFile);
		}
	}

	private static Optional<Long> readPid(Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map((command) -> command.contains("postgres")).orElse(true);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	private static void deleteQuietly(Path directory) {
		try (var paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			log.debug("Could not delete {}", directory);
		}
	}

}
