package org.oneweek.roster.internal;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The roster planner's runs for Prometheus, from the runs table (so every instance
 * reports every run): {@code oneweek.roster.solver} counts the runs that ended and their
 * time solving, by how they ended.
 */
@Component
class RosterMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	RosterMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String status : new String[] { "FINISHED", "STOPPED", "FAILED" }) {
			FunctionTimer
				.builder("oneweek.roster.solver", this, (m) -> m.count(status), (m) -> m.seconds(status),
						TimeUnit.SECONDS)
				.tag("status", status)
				.description("Planning runs that ended, and their time from start to end")
				.register(registry);
		}
	}

	private long count(String status) {
		return jdbc.sql("select count(*) from roster_run where status = ? and ended_at is not null")
			.param(status)
			.query(Long.class)
			.single();
	}

	private double seconds(String status) {
		return jdbc.sql("""
				select coalesce(sum(extract(epoch from (ended_at - coalesce(started_at, ended_at)))), 0)
				from roster_run where status = ? and ended_at is not null""")
			.param(status)
			.query(Double.class)
			.single();
	}

}
