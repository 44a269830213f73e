package org.oneweek.casework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.oneweek.casework.CaseEvents.CaseEscalated;
import org.oneweek.casework.CaseEvents.CaseRecorded;
import org.oneweek.casework.CaseState;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger's figures for Prometheus: cases recorded and escalations on this instance
 * (counters, from the ledger's events), and the district's open and overdue cases now
 * (gauges, counted in the database when scraped).
 */
@Component
class CaseMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile Counter recorded;

	private volatile MeterRegistry registry;

	CaseMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		this.recorded = Counter.builder("oneweek.cases.recorded")
			.description("Cases recorded on this instance")
			.register(registry);
		Gauge.builder("oneweek.cases.open", this, CaseMetrics::open)
			.description("Cases not yet resolved, closed, merged or declined")
			.register(registry);
		Gauge.builder("oneweek.cases.overdue", this, CaseMetrics::overdue)
			.description("Open cases past their resolution deadline")
			.register(registry);
	}

	@EventListener
	void on(CaseRecorded event) {
		Counter counter = recorded;
		if (counter != null) {
			counter.increment();
		}
	}

	@EventListener
	void on(CaseEscalated event) {
		MeterRegistry r = registry;
		if (r != null) {
			Counter.builder("oneweek.cases.escalations")
				.description("Deadlines escalated on this instance (level 1: the troubleshooter, 2: the department)")
				.tag("level", String.valueOf(event.level()))
				.tag("deadline", event.deadline())
				.register(r)
				.increment();
		}
	}

	private double open() {
		return jdbc.sql("select count(*) from case_file where state = any(?)")
			.param(active())
			.query(Long.class)
			.single();
	}

	private double overdue() {
		return jdbc.sql("select count(*) from case_file where state = any(?) and resolution_due < ?")
			.params(active(), Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	private static String[] active() {
		List<String> states = java.util.Arrays.stream(CaseState.values())
			.filter(CaseState::isActive)
			.map(CaseState::name)
			.toList();
		return states.toArray(String[]::new);
	}

}
