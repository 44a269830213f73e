package org.oneweek.roster.internal;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.Member;
import org.oneweek.people.Members;
import org.oneweek.people.Unavailability;
import org.oneweek.places.Places;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.VillageSchedule;
import org.oneweek.roster.VillageSchedules;
import org.oneweek.roster.planning.Candidate;
import org.oneweek.roster.planning.PlannedTerm;
import org.oneweek.roster.planning.Post;
import org.oneweek.roster.planning.RosterConstraints;
import org.oneweek.roster.planning.RosterPlan;
import org.oneweek.roster.planning.WeekIndex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a planning problem from the database: every term and troubleshooter duty the
 * range needs (those already planned or published, and those the village schedules ask
 * for), the members, and as pinned context what lies around the range: the rest of its
 * quarters, the weeks just before and after, each village's previous team. Villages come
 * from {@link Places} and members with their unavailable dates from {@link Members}, each
 * in one read, and are joined to the terms here.
 */
@Component
public class PlanningProblems {

	private final JdbcClient jdbc;

	private final RosterSettingsStore settingsStore;

	private final VillageSchedules schedules;

	private final Places places;

	private final Members members;

	PlanningProblems(JdbcClient jdbc, RosterSettingsStore settingsStore, VillageSchedules schedules, Places places,
			Members members) {
		this.jdbc = jdbc;
		this.settingsStore = settingsStore;
		this.schedules = schedules;
		this.places = places;
		this.members = members;
	}

	/**
	 * @param fresh leave posts that are neither published nor pinned empty, for the
	 * solver to plan afresh; otherwise take them as they are now
	 */
	@Transactional(readOnly = true)
	public RosterPlan load(PlanRange range, boolean fresh) {
		RosterSettings settings = settingsStore.current();
		LocalDate windowFrom = min(firstMondayOfQuarter(range.from()), range.from().minusWeeks(settings.spreadWeeks()));
		LocalDate windowTo = max(lastMondayOfQuarter(range.to()), range.to().plusWeeks(settings.spreadWeeks()));
		Map<Long, Village> villages = new HashMap<>();
		places.villages().forEach((village) -> villages.put(village.id().value(), village));
		Map<Long, StoredTerm> stored = storedTerms(villages, "t.week_start between ? and ?", windowFrom, windowTo);
		Map<Long, StoredTerm> previousTerms = new HashMap<>();
		List<Long> previousIds = jdbc.sql("""
				select distinct on (village_id) id from term where week_start < ?
				order by village_id, week_start desc""").param(range.from()).query(Long.class).list();
		List<Long> missing = previousIds.stream().filter((id) -> !stored.containsKey(id)).toList();
		if (!missing.isEmpty()) {
			stored.putAll(storedTerms(villages, "t.id in (:ids)", missing));
		}
		previousIds.forEach((id) -> previousTerms.put(stored.get(id).villageId, stored.get(id)));

		Map<Long, Candidate> candidates = candidates(range, settings, windowFrom, windowTo);
		long[] ids = { 1 };
		List<PlannedTerm> terms = new ArrayList<>();
		List<Post> posts = new ArrayList<>();
		Map<Long, PlannedTerm> contextTerms = new HashMap<>();

		// context: terms outside the range, pinned as they are
		for (StoredTerm term : stored.values()) {
			if (range.contains(term.week)) {
				continue;
			}
			PlannedTerm planned = new PlannedTerm(ids[0]++, term.villageId, term.townshipId, WeekIndex.of(term.week),
					false, false, null, term.id);
			contextTerms.put(term.id, planned);
			terms.add(planned);
			for (int seat = 0; seat < term.members.size(); seat++) {
				posts.add(Post.seat(ids[0]++, planned, seat, true, term.id, candidates.get(term.members.get(seat))));
			}
		}

		// the range: stored terms, and the weeks the schedules ask for
		Map<Long, TreeMap<LocalDate, @Nullable StoredTerm>> byVillage = new HashMap<>();
		for (StoredTerm term : stored.values()) {
			if (range.contains(term.week)) {
				byVillage.computeIfAbsent(term.villageId, (v) -> new TreeMap<>()).put(term.week, term);
			}
		}
		for (VillageSchedule schedule : schedules.all()) {
			Village village = villages.get(schedule.villageId().value());
			if (village == null || !village.active()) {
				continue;
			}
			for (LocalDate monday : range.weeks()) {
				if (schedule.needsTeamIn(monday)) {
					byVillage.computeIfAbsent(schedule.villageId().value(), (v) -> new TreeMap<>())
						.putIfAbsent(monday, null);
				}
			}
		}
		Map<LocalDate, Set<Long>> townshipsByWeek = new HashMap<>();
		List<Long> villageIds = new ArrayList<>(byVillage.keySet());
		villageIds.sort(Comparator.naturalOrder());
		for (long villageId : villageIds) {
			StoredTerm before = previousTerms.get(villageId);
			PlannedTerm previous = (before != null) ? contextTerms.get(before.id) : null;
			boolean first = before == null;
			long townshipId = townshipOf(villages, villageId);
			for (Map.Entry<LocalDate, @Nullable StoredTerm> entry : byVillage.get(villageId).entrySet()) {
				StoredTerm term = entry.getValue();
				PlannedTerm planned = new PlannedTerm(ids[0]++, villageId, townshipId, WeekIndex.of(entry.getKey()),
						true, first, previous, (term != null) ? term.id : null);
				terms.add(planned);
				boolean pinned = term != null && term.fixed();
				for (int seat = 0; seat < RosterConstraints.TEAM_SIZE; seat++) {
					Candidate member = null;
					if (term != null && seat < term.members.size() && (pinned || !fresh)) {
						member = candidates.get(term.members.get(seat));
					}
					posts.add(Post.seat(ids[0]++, planned, seat, pinned, (term != null) ? term.id : null, member));
				}
				townshipsByWeek.computeIfAbsent(entry.getKey(), (w) -> new HashSet<>()).add(townshipId);
				previous = planned;
				first = false;
			}
		}

		// troubleshooters: stored duties, and one per township in every week it has a
		// team
		Map<String, StoredDuty> duties = new LinkedHashMap<>();
		jdbc.sql("""
				select id, township_id, week_start, member_id, state, pinned from troubleshooter_duty
				where week_start between ? and ? order by week_start, township_id""")
			.params(windowFrom, windowTo)
			.query((rs) -> {
				StoredDuty duty = new StoredDuty(rs.getLong("id"), rs.getLong("township_id"),
						rs.getObject("week_start", LocalDate.class), rs.getLong("member_id"),
						"PUBLISHED".equals(rs.getString("state")) || rs.getBoolean("pinned"));
				duties.put(duty.townshipId + "@" + duty.week, duty);
			});
		for (StoredDuty duty : duties.values()) {
			boolean inRange = range.contains(duty.week);
			Candidate member = (!inRange || duty.fixed || !fresh) ? candidates.get(duty.memberId) : null;
			posts.add(Post.troubleshooter(ids[0]++, duty.townshipId, WeekIndex.of(duty.week), inRange, duty.fixed,
					duty.id, member));
		}
		for (LocalDate monday : range.weeks()) {
			for (long townshipId : townshipsByWeek.getOrDefault(monday, Set.of()).stream().sorted().toList()) {
				if (!duties.containsKey(townshipId + "@" + monday)) {
					posts.add(Post.troubleshooter(ids[0]++, townshipId, WeekIndex.of(monday), true, false, null, null));
				}
			}
		}
		return new RosterPlan(WeekIndex.of(range.from()), WeekIndex.of(range.to()),
				new ArrayList<>(candidates.values()), terms, posts);
	}

	private Map<Long, Candidate> candidates(PlanRange range, RosterSettings settings, LocalDate windowFrom,
			LocalDate windowTo) {
		Map<Long, Set<Integer>> away = new HashMap<>();
		for (Unavailability unavailable : members.unavailableBetween(windowFrom, windowTo.plusDays(6))) {
			LocalDate from = unavailable.from();
			LocalDate to = unavailable.to();
			Set<Integer> weeks = away.computeIfAbsent(unavailable.memberId().value(), (m) -> new HashSet<>());
			LocalDate start = max(Weeks.mondayOf(from), windowFrom);
			LocalDate end = min(Weeks.mondayOf(to), windowTo);
			for (LocalDate monday = start; !monday.isAfter(end); monday = monday.plusWeeks(1)) {
				if (settings.overlapsWorkingDays(monday, from, to)) {
					weeks.add(WeekIndex.of(monday));
				}
			}
		}
		Map<Long, Set<Integer>> preferred = new HashMap<>();
		jdbc.sql("select member_id, week_start from roster_preference where week_start between ? and ?")
			.params(range.from(), range.to())
			.query((rs) -> {
				preferred.computeIfAbsent(rs.getLong("member_id"), (m) -> new HashSet<>())
					.add(WeekIndex.of(rs.getObject("week_start", LocalDate.class)));
			});
		Map<Long, Integer> firstTerm = new HashMap<>();
		jdbc.sql("""
				select tm.member_id, min(t.week_start) as first from term_member tm join term t on t.id = tm.term_id
				where t.week_start < ? or t.week_start > ? group by tm.member_id""")
			.params(range.from(), range.to())
			.query((rs) -> {
				firstTerm.put(rs.getLong("member_id"), WeekIndex.of(rs.getObject("first", LocalDate.class)));
			});
		Map<Long, Map<Long, Integer>> partners = new HashMap<>();
		jdbc.sql("""
				select a.member_id as a, b.member_id as b, count(*) as times
				from term_member a join term_member b on b.term_id = a.term_id and b.member_id <> a.member_id
				join term t on t.id = a.term_id
				where t.week_start < ? or t.week_start > ? group by a.member_id, b.member_id""")
			.params(range.from(), range.to())
			.query((rs) -> {
				partners.computeIfAbsent(rs.getLong("a"), (m) -> new HashMap<>())
					.put(rs.getLong("b"), rs.getInt("times"));
			});
		Map<Long, Candidate> candidates = new LinkedHashMap<>();
		// by id, so that the solver is given the members in the same order on every load
		for (Member member : members.all()
			.stream()
			.sorted(Comparator.comparingLong((Member m) -> m.id().value()))
			.toList()) {
			long id = member.id().value();
			candidates.put(id,
					new Candidate(id, member.name(), Ids.value(member.homeTownshipId()), member.active(),
							away.getOrDefault(id, Set.of()), preferred.getOrDefault(id, Set.of()),
							firstTerm.getOrDefault(id, Candidate.NEVER), settings.maxTermsPerQuarter(),
							settings.spreadWeeks(), partners.getOrDefault(id, Map.of())));
		}
		return candidates;
	}

	private Map<Long, StoredTerm> storedTerms(Map<Long, Village> villages, String condition, Object... params) {
		Map<Long, StoredTerm> terms = new LinkedHashMap<>();
		String sql = """
				select t.id, t.village_id, t.week_start, t.state, t.pinned, tm.member_id
				from term t left join term_member tm on tm.term_id = t.id
				""" + " where " + condition + " order by t.week_start, t.id, tm.lead desc, tm.member_id";
		JdbcClient.StatementSpec statement = jdbc.sql(sql);
		if (params.length == 1 && params[0] instanceof List<?> ids) {
			statement = statement.param("ids", ids);
		}
		else {
			statement = statement.params(params);
		}
		statement.query((rs) -> {
			StoredTerm term = terms.computeIfAbsent(rs.getLong("id"), (id) -> {
				try {
					long villageId = rs.getLong("village_id");
					return new StoredTerm(id, villageId, townshipOf(villages, villageId),
							rs.getObject("week_start", LocalDate.class),
							"PUBLISHED".equals(rs.getString("state")) || rs.getBoolean("pinned"));
				}
				catch (java.sql.SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
			long memberId = rs.getLong("member_id");
			if (!rs.wasNull()) {
				term.members.add(memberId);
			}
		});
		return terms;
	}

	/**
	 * The village's township, from the villages read at the start; a village added since
	 * (a term can only name an existing one) is read on its own.
	 */
	private long townshipOf(Map<Long, Village> villages, long villageId) {
		Village village = villages.get(villageId);
		if (village == null) {
			village = places.village(VillageId.of(villageId))
				.orElseThrow(() -> new IllegalStateException("term of unknown village " + villageId));
			villages.put(villageId, village);
		}
		return village.townshipId().value();
	}

	static LocalDate firstMondayOfQuarter(LocalDate date) {
		LocalDate first = date.with(IsoFields.DAY_OF_QUARTER, 1);
		return first.with(TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
	}

	static LocalDate lastMondayOfQuarter(LocalDate date) {
		LocalDate last = date.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3).minusDays(1);
		return Weeks.mondayOf(last);
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static final class StoredTerm {

		final long id;

		final long villageId;

		final long townshipId;

		final LocalDate week;

		final boolean fixed;

		final List<Long> members = new ArrayList<>(3);

		StoredTerm(long id, long villageId, long townshipId, LocalDate week, boolean fixed) {
			this.id = id;
			this.villageId = villageId;
			this.townshipId = townshipId;
			this.week = week;
			this.fixed = fixed;
		}

		boolean fixed() {
			return fixed;
		}

	}

	private record StoredDuty(long id, long townshipId, LocalDate week, long memberId, boolean fixed) {

	}

}
