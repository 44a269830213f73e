package org.oneweek.bulletin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseActions;
import org.oneweek.platform.Digests;
import org.oneweek.bulletin.BulletinEvents.FollowUpReceived;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseNotFoundException;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.PublicCases;
import org.oneweek.casework.Satisfaction;
import org.oneweek.places.VillageId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.oneweek.platform.Texts.blankToNull;

/**
 * Villagers' follow-ups: taken from the public pages within limits kept in the database
 * (so that every instance counts the same), appended to the case's timeline, and queued
 * for the village committee.
 */
@Service
public class FollowUps {

	static final RowMapper<FollowUp> FOLLOW_UP = FollowUps::map;

	private static final String SELECT = "select f.* from bulletin_follow_up f ";

	private final JdbcClient jdbc;

	private final PublicCases cases;

	private final CaseActions actions;

	private final ApplicationEventPublisher events;

	private final BulletinProperties properties;

	FollowUps(JdbcClient jdbc, PublicCases cases, CaseActions actions, ApplicationEventPublisher events,
			BulletinProperties properties) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.actions = actions;
		this.events = events;
		this.properties = properties;
	}

	/** A follow-up taken, or the one an identical earlier request took. */
	public record Submitted(FollowUpId id, String reference, boolean reopened, boolean repeated) {

	}

	/**
	 * Takes a villager's follow-up on a case.
	 * @param address where the request came from; only its hash is kept, to count
	 * @throws CaseNotFoundException when there is no such case
	 * @throws RateLimitedException when the address or the case had too many follow-ups
	 * lately
	 */
	@Transactional
	public Submitted submit(String reference, SubmitFollowUp followUp, String address, Instant now) {
		return take(reference, followUp, hash(address), true, now);
	}

	/**
	 * Takes a villager's follow-up that another system passed on (an Open311 comment):
	 * the key it came with answers for it, so the per-address and per-case limits of the
	 * public pages do not apply; the same {@code requestKey} is still taken once.
	 * @param system the system's name, counted in place of an address
	 */
	@Transactional
	public Submitted submitFromSystem(String reference, SubmitFollowUp followUp, String system, Instant now) {
		return take(reference, followUp, hash("system:" + system), false, now);
	}

	private Submitted take(String reference, SubmitFollowUp followUp, String addressHash, boolean limited,
			Instant now) {
		Case c = cases.byReference(reference).orElseThrow(() -> new CaseNotFoundException(reference));
		FollowUpKind kind = followUp.kind();
		// one submission at a time per address and per case, so that the counts hold
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?)), pg_advisory_xact_lock(hashtext(?))")
			.params("bulletin-address:" + addressHash, "bulletin-case:" + c.id().value())
			.query()
			.singleRow();
		String key = blankToNull(followUp.requestKey());
		if (key != null) {
			Optional<FollowUp> earlier = jdbc.sql(SELECT + " where f.case_id = ? and f.request_key = ?")
				.params(c.id().value(), key)
				.query(FOLLOW_UP)
				.optional();
			if (earlier.isPresent()) {
				return new Submitted(earlier.get().id(), c.reference(), earlier.get().reopened(), true);
			}
		}
		if (limited) {
			limit("address", "address_hash = ?", addressHash, now, Duration.ofMinutes(10),
					properties.followUpsPerAddressPer10Minutes());
			limit("address", "address_hash = ?", addressHash, now, Duration.ofDays(1),
					properties.followUpsPerAddressPerDay());
			limit("case", "case_id = ?", c.id().value(), now, Duration.ofHours(1),
					properties.followUpsPerCasePerHour());
		}
		actions.recordPublicFollowUp(c.reference(), kind.name(), now);
		// a villager's word never reopens a case by itself (only staff reopen); rows from
		// before kept the flag
		boolean reopened = false;
		Satisfaction satisfaction = (kind == FollowUpKind.CONFIRMED_FIXED) ? followUp.satisfaction() : null;
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						insert into bulletin_follow_up (case_id, reference, village_id, kind, text, satisfaction, callback_phone,
						  address_hash, request_key, case_state, reopened, received_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.id().value(), c.reference(), c.villageId().value(), kind.name(), blankToNull(followUp.text()),
					(satisfaction != null) ? satisfaction.name() : null, blankToNull(followUp.phone()), addressHash,
					key, c.state().name(), reopened, Timestamp.from(now))
			.update(keys, "id");
		FollowUpId id = FollowUpId.of(keys.getKeyAs(Long.class));
		events.publishEvent(new FollowUpReceived(id, c.id(), c.reference(), c.villageId(), kind, reopened));
		return new Submitted(id, c.reference(), reopened, false);
	}

	private void limit(String what, String condition, Object value, Instant now, Duration window, int max) {
		Timestamp since = Timestamp.from(now.minus(window));
		List<Timestamp> recent = jdbc
			.sql("select received_at from bulletin_follow_up where " + condition
					+ " and received_at > ? order by received_at desc limit ?")
			.params(value, since, max)
			.query(Timestamp.class)
			.list();
		if (recent.size() >= max) {
			// the oldest of the last {max} leaves the window first
			Instant freed = recent.get(recent.size() - 1).toInstant().plus(window);
			long minutes = Math.max(1, (Duration.between(now, freed).toSeconds() + 59) / 60);
			throw new RateLimitedException(what, (int) Math.min(minutes, Integer.MAX_VALUE));
		}
	}

	/**
	 * The follow-ups waiting for the committee, oldest first, then the latest handled.
	 */
	@Transactional(readOnly = true)
	public List<FollowUp> queue(VillageId villageId) {
		return jdbc.sql(
				SELECT + """
						where f.village_id = ? and (f.state <> 'HANDLED' or f.id in (
						  select id from bulletin_follow_up where village_id = ? and state = 'HANDLED'
						  order by handled_at desc limit 20))
						order by f.state = 'HANDLED', case when f.state = 'HANDLED' then f.handled_at end desc, f.received_at""")
			.params(villageId.value(), villageId.value())
			.query(FOLLOW_UP)
			.list();
	}

	/** How many follow-ups are waiting for the committee of the village. */
	@Transactional(readOnly = true)
	public long waiting(VillageId villageId) {
		return jdbc.sql("select count(*) from bulletin_follow_up where village_id = ? and state <> 'HANDLED'")
			.param(villageId.value())
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public Optional<FollowUp> followUp(FollowUpId id) {
		return jdbc.sql(SELECT + " where f.id = ?").param(id.value()).query(FOLLOW_UP).optional();
	}

	/** The committee called the villager back. */
	@Transactional
	public void calledBack(FollowUpId id, @Nullable String note, String actor, Instant now) {
		jdbc.sql("""
				update bulletin_follow_up set state = 'CALLED_BACK', called_back_at = ?,
				  handled_note = coalesce(?, handled_note), handled_by = ?
				where id = ? and state = 'NEW'""").params(Timestamp.from(now), limit(note), actor, id.value()).update();
	}

	/** Nothing more to do about this follow-up. */
	@Transactional
	public void handled(FollowUpId id, @Nullable String note, String actor, Instant now) {
		jdbc.sql("""
				update bulletin_follow_up set state = 'HANDLED', handled_at = ?, handled_by = ?,
				  handled_note = coalesce(?, handled_note)
				where id = ? and state <> 'HANDLED'""")
			.params(Timestamp.from(now), actor, limit(note), id.value())
			.update();
	}

	private static @Nullable String limit(@Nullable String note) {
		String value = blankToNull(note);
		return (value != null && value.length() > FollowUp.MAX_TEXT) ? value.substring(0, FollowUp.MAX_TEXT) : value;
	}

	static String hash(String value) {
		return Digests.sha256Hex("oneweek-bulletin:" + value);
	}

	private static FollowUp map(ResultSet rs, int n) throws SQLException {
		String satisfaction = rs.getString("satisfaction");
		return new FollowUp(FollowUpId.of(rs.getLong("id")), CaseId.of(rs.getLong("case_id")),
				rs.getString("reference"), VillageId.of(rs.getLong("village_id")),
				FollowUpKind.valueOf(rs.getString("kind")), rs.getString("text"),
				(satisfaction != null) ? Satisfaction.valueOf(satisfaction) : null, rs.getString("callback_phone"),
				CaseState.valueOf(rs.getString("case_state")), rs.getBoolean("reopened"),
				rs.getTimestamp("received_at").toInstant(), FollowUp.State.valueOf(rs.getString("state")),
				instant(rs, "called_back_at"), instant(rs, "handled_at"), rs.getString("handled_by"),
				rs.getString("handled_note"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
