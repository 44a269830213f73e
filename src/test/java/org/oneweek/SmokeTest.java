package org.oneweek;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@OneweekTest
class SmokeTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void demoDistrictIsSeeded() {
		assertThat(jdbc.sql("select count(*) from village").query(Long.class).single()).isEqualTo(12);
		assertThat(jdbc.sql("select count(*) from member").query(Long.class).single()).isEqualTo(39);
	}

}
