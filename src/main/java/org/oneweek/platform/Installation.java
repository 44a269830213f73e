package org.oneweek.platform;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This installation's name: a UUID made once with the database (migration
 * {@code V20261204_50}), the same after every restart and on every instance sharing the
 * database, and different for a copy started on a fresh one.
 */
@Component
public class Installation {

	private final JdbcClient jdbc;

	private final AtomicReference<String> id = new AtomicReference<>();

	Installation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The installation's id, read once: it never changes. */
	public String id() {
		String known = id.get();
		if (known == null) {
			known = jdbc.sql("select id::text from installation").query(String.class).single();
			id.set(known);
		}
		return known;
	}

}
