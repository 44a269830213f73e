package org.oneweek.roster;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.Member;
import org.oneweek.people.MemberId;
import org.oneweek.people.Members;
import org.oneweek.places.Places;
import org.oneweek.places.Township;
import org.oneweek.places.TownshipId;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices a member has about changes to the published roster, until they dismiss
 * them.
 */
@Service
public class RosterNotices {

	/** How many of a member's open notices are shown, the latest first. */
	static final int SHOWN = 20;

	private final JdbcClient jdbc;

	private final Members members;

	private final Places places;

	RosterNotices(JdbcClient jdbc, Members members, Places places) {
		this.jdbc = jdbc;
		this.members = members;
		this.places = places;
	}

	/** An open notice as stored, with the ids of the place and members it names. */
	private record Stored(long id, RosterNotice.Kind kind, LocalDate weekStart, boolean troubleshooter,
			@Nullable Long villageId, @Nullable Long townshipId, @Nullable Long addedId, @Nullable Long removedId,
			Instant at) {

	}

	@Transactional(readOnly = true)
	public List<RosterNotice> open(MemberId memberId) {
		List<Stored> stored = jdbc.sql("""
				select n.id, c.kind, c.week_start, c.duty_id is not null as troubleshooter, c.village_id,
				       c.township_id, c.added_member_id, c.removed_member_id, c.at
				from roster_notice n join roster_change c on c.id = n.change_id
				where n.member_id = ? and n.dismissed_at is null
				order by c.at desc, n.id desc limit ?""")
			.params(memberId.value(), SHOWN)
			.query((rs, n) -> new Stored(rs.getLong("id"), RosterNotice.Kind.valueOf(rs.getString("kind")),
					rs.getObject("week_start", LocalDate.class), rs.getBoolean("troubleshooter"),
					rs.getObject("village_id", Long.class), rs.getObject("township_id", Long.class),
					rs.getObject("added_member_id", Long.class), rs.getObject("removed_member_id", Long.class),
					rs.getTimestamp("at").toInstant()))
			.list();
		Set<Long> named = new HashSet<>();
		Set<Long> villageIds = new HashSet<>();
		for (Stored notice : stored) {
			if (notice.villageId() != null) {
				villageIds.add(notice.villageId());
			}
			if (notice.addedId() != null) {
				named.add(notice.addedId());
			}
			if (notice.removedId() != null) {
				named.add(notice.removedId());
			}
		}
		Map<Long, String> names = members.members(Ids.all(named, MemberId::of))
			.stream()
			.collect(Collectors.toMap((m) -> m.id().value(), Member::name));
		Map<Long, String> villages = places.villages(Ids.all(villageIds, VillageId::of))
			.stream()
			.collect(Collectors.toMap((v) -> v.id().value(), Village::name));
		long me = memberId.value();
		return stored.stream().map((notice) -> {
			long added = (notice.addedId() != null) ? notice.addedId() : 0;
			long removed = (notice.removedId() != null) ? notice.removedId() : 0;
			RosterNotice.Concern concern = switch (notice.kind()) {
				case PUBLISHED -> RosterNotice.Concern.ADDED;
				case REPLACED -> (added == me) ? RosterNotice.Concern.ADDED
						: (removed == me) ? RosterNotice.Concern.REMOVED : RosterNotice.Concern.TEAM;
				case LEAD -> (added == me) ? RosterNotice.Concern.ADDED : RosterNotice.Concern.TEAM;
			};
			return new RosterNotice(notice.id(), notice.kind(), notice.weekStart(), place(notice, villages),
					notice.troubleshooter(), names.get(notice.addedId()), names.get(notice.removedId()), concern,
					notice.at());
		}).toList();
	}

	/**
	 * The village's name for a term, else the street's for a duty (a district has few
	 * streets, each read once and then kept by {@link Places}).
	 */
	private @Nullable String place(Stored notice, Map<Long, String> villages) {
		String village = (notice.villageId() != null) ? villages.get(notice.villageId()) : null;
		if (village != null) {
			return village;
		}
		return (notice.townshipId() != null)
				? places.township(TownshipId.of(notice.townshipId())).map(Township::name).orElse(null) : null;
	}

	@Transactional
	public void dismiss(MemberId memberId, long noticeId) {
		jdbc.sql("update roster_notice set dismissed_at = ? where id = ? and member_id = ? and dismissed_at is null")
			.params(new Timestamp(System.currentTimeMillis()), noticeId, memberId.value())
			.update();
	}

	@Transactional
	public void dismissAll(MemberId memberId) {
		jdbc.sql("update roster_notice set dismissed_at = ? where member_id = ? and dismissed_at is null")
			.params(new Timestamp(System.currentTimeMillis()), memberId.value())
			.update();
	}

}
