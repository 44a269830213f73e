package org.oneweek.platform.database;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On shutdown everything that uses the database closes first, then the pool, then the
 * embedded server.
 */
class EmbeddedDatabaseShutdownTest {

	static final List<String> log = new ArrayList<>();

	/**
	 * Something that still writes to the database while it shuts down, like a job
	 * finishing.
	 */
	static class LastWriter implements AutoCloseable {

		private final JdbcTemplate jdbc;

		LastWriter(DataSource dataSource) {
			this.jdbc = new JdbcTemplate(dataSource);
		}

		@Override
		public void close() {
			log.add("last write " + jdbc.queryForObject("select 1", Integer.class));
		}

	}

	@Test
	void theServerStopsAfterEverythingThatUsesIt() {
		log.clear();
		HikariDataSource[] pool = new HikariDataSource[1];
		new ApplicationContextRunner().withUserConfiguration(EmbeddedDatabaseConfiguration.class)
			.withPropertyValues("oneweek.embedded-db.ephemeral=true")
			.withBean(LastWriter.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				pool[0] = (HikariDataSource) context.getBean(DataSource.class);
				assertThat(new JdbcTemplate(pool[0]).queryForObject("show fsync", String.class)).isEqualTo("on");
			});
		assertThat(log).containsExactly("last write 1");
		assertThat(pool[0].isClosed()).isTrue();
	}

	@Test
	void anExternalDatasourceUrlTurnsTheEmbeddedServerOff() {
		new ApplicationContextRunner().withUserConfiguration(EmbeddedDatabaseConfiguration.class)
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/oneweek")
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.class)
				.doesNotHaveBean(DataSource.class));
	}

}
