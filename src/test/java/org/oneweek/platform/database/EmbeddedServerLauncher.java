package org.oneweek.platform.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link EmbeddedPostgresServerTest}: starts the embedded server on
 * a data directory, commits a row, says READY, and waits to be killed like a crashed run.
 */
public final class EmbeddedServerLauncher {

	private EmbeddedServerLauncher() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer
			.start(new EmbeddedDatabaseProperties(Path.of(args[0]), 0, false, "oneweek"));
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
				Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists promise (id serial primary key, text text not null)");
			statement.execute("insert into promise (text) values ('" + args[1] + "')");
		}
		System.out.println("READY");
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
