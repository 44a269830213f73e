package org.oneweek.platform;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@OneweekTest
class InstallationTest {

	@Autowired
	Installation installation;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theInstallationKeepsItsIdAcrossRestartsBecauseTheDatabaseKeepsIt() {
		String id = installation.id();
		assertThat(id).matches("[0-9a-f-]{36}").isEqualTo(installation.id());
		// what a restart does: a new instance reads the database again
		assertThat(new Installation(jdbc).id()).isEqualTo(id);
		assertThat(jdbc.sql("select count(*) from installation").query(Integer.class).single()).isEqualTo(1);
	}

}
