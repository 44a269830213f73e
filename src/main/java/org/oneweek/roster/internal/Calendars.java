package org.oneweek.roster.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.oneweek.platform.Digests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secret addresses of members' calendar feeds. Only a hash of each secret is kept, so
 * a copy of the database does not open anyone's calendar; a new address replaces the old
 * one, which stops working.
 */
@Component
public class Calendars {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	Calendars(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the new secret, shown once
	 */
	@Transactional
	public String issue(long memberId) {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("""
				insert into roster_calendar (member_id, token_hash) values (?, ?)
				on conflict (member_id) do update set token_hash = excluded.token_hash, created_at = now()""")
			.params(memberId, Digests.sha256Hex(token))
			.update();
		return token;
	}

	@Transactional(readOnly = true)
	public boolean has(long memberId) {
		return jdbc.sql("select exists (select 1 from roster_calendar where member_id = ?)")
			.param(memberId)
			.query(Boolean.class)
			.single();
	}

	@Transactional
	public void revoke(long memberId) {
		jdbc.sql("delete from roster_calendar where member_id = ?").param(memberId).update();
	}

	@Transactional(readOnly = true)
	public Optional<Long> memberOf(String token) {
		if (!token.matches("[A-Za-z0-9_-]{20,64}")) {
			return Optional.empty();
		}
		return jdbc.sql("select member_id from roster_calendar where token_hash = ?")
			.param(Digests.sha256Hex(token))
			.query(Long.class)
			.optional();
	}

	/**
	 * How a term or duty stands for calendars: how often it changed after publication
	 * (the events' SEQUENCE: {@code roster_change} is append-only, so it never goes down)
	 * and when it last changed (their DTSTAMP: the same on every request until it
	 * changes, so that the feed's ETag holds).
	 */
	@Transactional(readOnly = true)
	public Revision revision(boolean duty, long id) {
		String column = duty ? "duty_id" : "term_id";
		String table = duty ? "troubleshooter_duty" : "term";
		return jdbc.sql("""
				select (select count(*) from roster_change where %1$s = :id and kind <> 'PUBLISHED') as sequence,
				       coalesce((select max(at) from roster_change where %1$s = :id), t.published_at, t.created_at)
				         as changed
				from %2$s t where t.id = :id""".formatted(column, table))
			.param("id", id)
			.query((rs, n) -> new Revision(rs.getInt("sequence"), rs.getTimestamp("changed").toInstant()))
			.optional()
			.orElse(new Revision(0, Instant.EPOCH));
	}

	/** A term's or duty's SEQUENCE and DTSTAMP. */
	public record Revision(int sequence, Instant changed) {

	}

}
