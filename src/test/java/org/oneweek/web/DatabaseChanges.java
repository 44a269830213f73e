package org.oneweek.web;

import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a request changed in the database, seen by row triggers on every table of the
 * application (those made by later migrations too, as long as they exist when
 * {@link #install} runs): each inserted, updated or deleted row leaves its table's name
 * in {@code test_row_change}. Sessions and the event registry are left out: every
 * signed-in request touches the former, and the latter follows the real changes. So are
 * the reconciliation's stored embeddings: a cache of what the model computes from the
 * items' texts, filled when a page first needs one; and its stored weeks (the blind
 * spots'), a cache of what the reconciliation computes, filled when a figure first needs
 * a week; and the diary figures of settled terms, likewise.
 */
public final class DatabaseChanges {

	static final Set<String> UNWATCHED = Set.of("spring_session", "spring_session_attributes", "event_publication",
			"event_publication_archive", "flyway_schema_history", "test_row_change", "reconciliation_embedding",
			"reconciliation_week", "reconciliation_problem", "reconciliation_week_stale", "diary_term_tally",
			"diary_tally_week");

	private final JdbcClient jdbc;

	private DatabaseChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Watches every table of the application (again, if already watched). */
	public static synchronized DatabaseChanges install(JdbcClient jdbc) {
		jdbc.sql(
				"""
						create table if not exists test_row_change (
						    id bigserial primary key, tbl text not null, op text not null, at timestamptz default clock_timestamp())""")
			.update();
		jdbc.sql("""
				create or replace function test_note_change() returns trigger language plpgsql as $$
				begin
				  insert into test_row_change (tbl, op) values (tg_table_name, tg_op);
				  return null;
				end $$""").update();
		List<String> tables = jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = current_schema() and table_type = 'BASE TABLE'""").query(String.class).list();
		for (String table : tables) {
			if (UNWATCHED.contains(table)) {
				continue;
			}
			jdbc.sql("drop trigger if exists test_row_change on \"" + table + "\"").update();
			jdbc.sql("create trigger test_row_change after insert or update or delete on \"" + table
					+ "\" for each row execute function test_note_change()")
				.update();
		}
		return new DatabaseChanges(jdbc);
	}

	/** A point to compare with later. */
	public long mark() {
		return jdbc.sql("select coalesce(max(id), 0) from test_row_change").query(Long.class).single();
	}

	/** The tables changed since the mark, each once, in the order first changed. */
	public List<String> since(long mark) {
		return jdbc.sql("select tbl from test_row_change where id > ? group by tbl order by min(id)")
			.param(mark)
			.query(String.class)
			.list();
	}

	/** The tables changed since the mark, leaving out those named. */
	public List<String> since(long mark, Set<String> ignoring) {
		return since(mark).stream().filter((table) -> !ignoring.contains(table)).toList();
	}

}
