package org.oneweek.platform.database;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CasePhoto;
import org.oneweek.casework.CasePhotos;
import org.oneweek.web.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The backup and restore of docs/OPERATIONS.md, done: {@code pg_dump --format=custom} of
 * the running database, {@code pg_restore} into a fresh database, and every table — each
 * case, event, diary entry and photo, byte for byte — is found again. Needs PostgreSQL's
 * client tools of at least the server's version (Debian's {@code postgresql-client},
 * which CI installs); without them the test is skipped, saying so.
 */
@OneweekTest
class BackupRestoreTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	CaseIntake intake;

	@Autowired
	CasePhotos photos;

	@Test
	void aBackupRestoredIntoAFreshDatabaseHoldsEverything() throws Exception {
		int server = jdbc.sql("select current_setting('server_version_num')::int / 10000")
			.query(Integer.class)
			.single();
		int tools = majorVersion("pg_dump");
		assumeTrue(tools >= server, "pg_dump " + tools + " cannot dump PostgreSQL " + server
				+ " (install PostgreSQL's client tools of version " + server + " or newer)");
		assumeTrue(majorVersion("pg_restore") >= server, "pg_restore is missing or older than the server");
		// a photo and a case of this run, so the check cannot pass on an empty ledger
		String reference = intake
			.record(CaseFixtures.intake(fixtures.villageId("DJ"), "备份测试：桥栏杆").toCommand(),
					fixtures.principal("secretary"), java.time.Instant.now())
			.reference();
		photos.add(reference, CasePhoto.Phase.BEFORE, TestImages.jpeg(), fixtures.principal("secretary"),
				java.time.Instant.now());

		String url;
		String user;
		try (Connection connection = dataSource.getConnection()) {
			url = connection.getMetaData().getURL();
			user = connection.getMetaData().getUserName();
		}
		URI uri = URI.create(url.substring("jdbc:".length()));
		String database = uri.getPath().substring(1);
		String restored = database + "_restored";
		Path dump = Files.createTempFile("oneweek-backup", ".dump");
		Map<String, String> before = fingerprints(url, user);
		run("pg_dump", "--format=custom", "--file=" + dump, "--host=" + uri.getHost(), "--port=" + uri.getPort(),
				"--username=" + user, database);
		try (Connection admin = DriverManager.getConnection(url, user, null); Statement sql = admin.createStatement()) {
			sql.execute("drop database if exists " + restored);
			sql.execute("create database " + restored);
		}
		try {
			run("pg_restore", "--no-owner", "--host=" + uri.getHost(), "--port=" + uri.getPort(), "--username=" + user,
					"--dbname=" + restored, dump.toString());
			String restoredUrl = url.replaceFirst("/" + database + "(\\?|$)", "/" + restored + "$1");
			Map<String, String> after = fingerprints(restoredUrl, user);
			assertThat(after).isEqualTo(before);
			for (String table : List.of("case_file", "case_event", "diary_entry", "case_photo")) {
				assertThat(before.get(table)).as(table).doesNotStartWith("0 ");
			}
			try (Connection copy = DriverManager.getConnection(restoredUrl, user, null);
					Statement sql = copy.createStatement();
					ResultSet found = sql
						.executeQuery("select count(*) from case_file f join case_photo p on p.case_id = f.id "
								+ "where f.reference = '" + reference + "'")) {
				found.next();
				assertThat(found.getInt(1)).isEqualTo(1);
			}
		}
		finally {
			try (Connection admin = DriverManager.getConnection(url, user, null);
					Statement sql = admin.createStatement()) {
				sql.execute("drop database if exists " + restored);
			}
			Files.deleteIfExists(dump);
		}
	}

	/** Per table of the application: its row count and a hash of all its rows. */
	private static Map<String, String> fingerprints(String url, String user) throws Exception {
		Map<String, String> prints = new TreeMap<>();
		try (Connection connection = DriverManager.getConnection(url, user, null);
				Statement sql = connection.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = sql.executeQuery("select table_name from information_schema.tables "
					+ "where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			for (String table : tables) {
				try (ResultSet rs = sql.executeQuery("select count(*), md5(coalesce(string_agg(md5(t::text), '' "
						+ "order by md5(t::text)), '')) from \"" + table + "\" t")) {
					rs.next();
					prints.put(table, rs.getLong(1) + " " + rs.getString(2));
				}
			}
		}
		return prints;
	}

	private static int majorVersion(String tool) {
		try {
			Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(30, TimeUnit.SECONDS);
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(\\.\\d+)?").matcher(out);
			return m.find() ? Integer.parseInt(m.group(1)) : 0;
		}
		catch (IOException | InterruptedException ex) {
			return 0;
		}
	}

	private static void run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(300, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
	}

}
