package org.oneweek.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.oneweek.platform.database.EmbeddedDatabaseProperties;
import org.oneweek.platform.database.EmbeddedPostgresServer;

/**
 * A PostgreSQL 17 cluster of the fault suite's own (the embedded server's binaries, made
 * as durable as a production server: fsync and synchronous commit on), on a port and a
 * data directory of its own, so that the suite may stop and restart it under load without
 * touching a server that others use.
 */
final class PrivatePostgres implements AutoCloseable {

	/** How a restart stops the server. */
	enum Stop {

		/**
		 * {@code pg_ctl stop -m fast}: sessions are ended, the server shuts down cleanly
		 * (an operator's restart, a minor upgrade).
		 */
		FAST,
		/**
		 * SIGQUIT to the postmaster ({@code pg_ctl stop -m immediate}): everything stops
		 * at once, as in a crash; the next start replays the WAL.
		 */
		IMMEDIATE

	}

	private final EmbeddedDatabaseProperties properties;

	private EmbeddedPostgresServer server;

	private volatile long stoppedAt;

	private PrivatePostgres(EmbeddedDatabaseProperties properties) {
		this.properties = properties;
		this.server = EmbeddedPostgresServer.start(properties);
	}

	static PrivatePostgres start(Path dataDirectory, String database) throws IOException {
		return new PrivatePostgres(new EmbeddedDatabaseProperties(dataDirectory, freePort(), false, database));
	}

	String jdbcUrl() {
		return server.jdbcUrl();
	}

	int port() {
		return properties.port();
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(server.jdbcUrl());
	}

	/**
	 * Stops the server the given way and starts it again on the same port and data.
	 * @return when the server accepted connections again ({@link System#nanoTime()})
	 */
	long restart(Stop how) throws IOException, InterruptedException {
		if (how == Stop.IMMEDIATE) {
			long pid = postmasterPid();
			Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start();
			if (kill.waitFor() != 0) {
				throw new IllegalStateException("kill -QUIT " + pid + " failed");
			}
			ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
			if (postmaster != null) {
				try {
					postmaster.onExit().get(30, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					throw new IllegalStateException("PostgreSQL (pid " + pid + ") did not stop on SIGQUIT", ex);
				}
			}
		}
		// after SIGQUIT there is nothing left to stop: this releases the data directory
		server.close();
		stoppedAt = System.nanoTime();
		server = EmbeddedPostgresServer.start(properties);
		return System.nanoTime();
	}

	/** When the last restart's server had stopped ({@link System#nanoTime()}). */
	long stoppedAt() {
		return stoppedAt;
	}

	private long postmasterPid() throws IOException {
		List<String> lines = Files.readAllLines(properties.dataDirectory().resolve("postmaster.pid"),
				StandardCharsets.UTF_8);
		return Long.parseLong(lines.get(0).strip());
	}

	@Override
	public void close() {
		server.close();
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	static Duration since(long nanoTime) {
		return Duration.ofNanos(System.nanoTime() - nanoTime);
	}

}
