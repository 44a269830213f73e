package org.oneweek.platform.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * Where the connection pool gets its connections from: while the database cannot be
 * reached (restarting, recovering after a crash, the network gone), each connection the
 * pool asks for is tried again every quarter of a second, up to {@link #patience}, before
 * the failure is passed on.
 * <p>
 * HikariCP waits longer and longer between its own tries while the database is away (10
 * ms, doubling, up to 5 s), so after a PostgreSQL restart of a few seconds the pool
 * stayed empty for up to 5 s more. It asks for a connection from a thread of its own, so
 * the tries made here keep no request waiting that was not already waiting; with them the
 * pool has its connections back within a quarter of a second of the server. Only failures
 * to connect are tried again (SQL state class 08, and 57P03 "the database system is
 * starting up"); a wrong password fails at once.
 */
final class ReconnectingDataSource implements DataSource {

	static final Duration PAUSE = Duration.ofMillis(250);

	private final DataSource target;

	private final Duration patience;

	ReconnectingDataSource(DataSource target, Duration patience) {
		this.target = target;
		this.patience = patience;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return connect(null, null);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return connect(username, password);
	}

	private Connection connect(@Nullable String username, @Nullable String password) throws SQLException {
		long deadline = System.nanoTime() + patience.toNanos();
		while (true) {
			try {
				return (username != null) ? target.getConnection(username, password) : target.getConnection();
			}
			catch (SQLException ex) {
				if (!cannotConnect(ex) || System.nanoTime() + PAUSE.toNanos() > deadline) {
					throw ex;
				}
				try {
					Thread.sleep(PAUSE.toMillis());
				}
				catch (InterruptedException interrupted) {
					// the pool is shutting down
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	static boolean cannotConnect(SQLException ex) {
		String state = ex.getSQLState();
		return state != null && (state.startsWith("08") || state.equals("57P03"));
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return target.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		target.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		target.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return target.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return target.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return type.isInstance(this) || target.isWrapperFor(type);
	}

}
