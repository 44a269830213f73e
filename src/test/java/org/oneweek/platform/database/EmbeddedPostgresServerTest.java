package org.oneweek.platform.database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresServerTest {

	@TempDir
	Path temp;

	@Test
	void embeddedServerIsDurable() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer
			.start(new EmbeddedDatabaseProperties(temp.resolve("pg"), 0, false, "oneweek"))) {
			assertThat(show(server, "fsync")).isEqualTo("on");
			assertThat(show(server, "synchronous_commit")).isEqualTo("on");
			assertThat(show(server, "full_page_writes")).isEqualTo("on");
			assertThat(show(server, "server_version")).startsWith("17.");
		}
	}

	@Test
	void dataSurvivesAStopAndStart() throws Exception {
		Path data = temp.resolve("pg");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer
			.start(new EmbeddedDatabaseProperties(data, 0, false, "oneweek"))) {
			execute(server, "create table promise (text text)", "insert into promise values ('修桥')");
		}
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer
			.start(new EmbeddedDatabaseProperties(data, 0, false, "oneweek"))) {
			assertThat(promises(server)).containsExactly("修桥");
		}
	}

	/**
	 * A run killed with SIGKILL leaves its PostgreSQL running on the data directory; the
	 * next start stops it and carries on, with the committed row still there.
	 */
	@Test
	void recoversFromAServerLeftRunningByAKilledRun() throws Exception {
		Path data = temp.resolve("pg");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				EmbeddedServerLauncher.class.getName(), data.toString(), "清理河边垃圾")
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			List<String> lines = new ArrayList<>();
			while ((line = out.readLine()) != null && !line.contains("READY")) {
				lines.add(line);
			}
			assertThat(line).as("child output: %s", lines).isEqualTo("READY");
		}
		child.destroyForcibly();
		assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(data.resolve("postmaster.pid")).exists();
		long leftover = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
		assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive)).contains(true);

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer
			.start(new EmbeddedDatabaseProperties(data, 0, false, "oneweek"))) {
			assertThat(promises(server)).containsExactly("清理河边垃圾");
		}
		assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false)).isFalse();
	}

	@Test
	void removesAStalePidFileWhoseProcessIsGone() throws Exception {
		Path data = temp.resolve("pg");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer
			.start(new EmbeddedDatabaseProperties(data, 0, false, "oneweek"))) {
			execute(server, "create table promise (text text)", "insert into promise values ('路灯')");
		}
		Files.writeString(data.resolve("postmaster.pid"), "999999\n" + data + "\n");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer
			.start(new EmbeddedDatabaseProperties(data, 0, false, "oneweek"))) {
			assertThat(promises(server)).containsExactly("路灯");
		}
	}

	private static String show(EmbeddedPostgresServer server, String setting) throws Exception {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("show " + setting)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static void execute(EmbeddedPostgresServer server, String... sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
				Statement statement = connection.createStatement()) {
			for (String s : sql) {
				statement.execute(s);
			}
		}
	}

	private static List<String> promises(EmbeddedPostgresServer server) throws Exception {
		List<String> texts = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select text from promise")) {
			while (rs.next()) {
				texts.add(rs.getString(1));
			}
		}
		return texts;
	}

}
