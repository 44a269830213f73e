package org.oneweek.roster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oneweek.people.MemberId;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Caches;
import org.oneweek.platform.ReadCache;
import org.oneweek.platform.Weeks;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the published roster: who serves where in which week. Terms and duties still
 * being planned are not here; only the organization department sees them, on the planner.
 */
@Service
@Transactional(readOnly = true)
public class Terms {

	private static final String SELECT_TERMS = """
			select t.id, t.village_id, t.week_start, tm.member_id, tm.lead
			from term t join term_member tm on tm.term_id = t.id
			where t.state = 'PUBLISHED'
			""";

	private static final RowMapper<TroubleshooterDuty> DUTY = (rs, n) -> new TroubleshooterDuty(rs.getLong("id"),
			TownshipId.of(rs.getLong("township_id")), rs.getObject("week_start", LocalDate.class),
			MemberId.of(rs.getLong("member_id")));

	private final JdbcClient jdbc;

	/**
	 * Each week's published roster, kept for a few seconds
	 * ({@code oneweek.cache.specs.roster-weeks}): every request of a secretary needs
	 * their term, and the roster changes a few times a week.
	 */
	private final ReadCache<LocalDate, Week> weeks;

	Terms(JdbcClient jdbc, Caches caches) {
		this.jdbc = jdbc;
		this.weeks = caches.readCache("roster-weeks");
	}

	/**
	 * The published terms and duties of one week, indexed by village, member and township
	 * (a district has up to a few thousand villages).
	 */
	private record Week(List<Term> terms, List<TroubleshooterDuty> duties, Map<VillageId, Term> byVillage,
			Map<MemberId, Term> byMember, Map<MemberId, TroubleshooterDuty> dutyByMember,
			Map<TownshipId, TroubleshooterDuty> dutyByTownship) {

		static Week of(List<Term> terms, List<TroubleshooterDuty> duties) {
			Map<VillageId, Term> byVillage = new HashMap<>();
			Map<MemberId, Term> byMember = new HashMap<>();
			for (Term term : terms) {
				byVillage.putIfAbsent(term.villageId(), term);
				term.team().forEach((member) -> byMember.putIfAbsent(member.memberId(), term));
			}
			Map<MemberId, TroubleshooterDuty> dutyByMember = new HashMap<>();
			Map<TownshipId, TroubleshooterDuty> dutyByTownship = new HashMap<>();
			for (TroubleshooterDuty duty : duties) {
				dutyByMember.putIfAbsent(duty.memberId(), duty);
				dutyByTownship.putIfAbsent(duty.townshipId(), duty);
			}
			return new Week(List.copyOf(terms), List.copyOf(duties), byVillage, byMember, dutyByMember, dutyByTownship);
		}

	}

	private Week week(LocalDate date) {
		return this.weeks.get(Weeks.mondayOf(date),
				(monday) -> Week.of(
						terms(SELECT_TERMS + " and t.week_start = ? order by t.village_id, tm.lead desc, tm.member_id",
								monday),
						jdbc.sql("select * from troubleshooter_duty where state = 'PUBLISHED' and week_start = ? "
								+ "order by township_id")
							.param(monday)
							.query(DUTY)
							.list()));
	}

	/**
	 * Forgets the weeks kept, after a change to terms or duties (see {@link ReadCache});
	 * for this module's own writers.
	 */
	public void changed() {
		this.weeks.changed();
	}

	public List<Term> inWeek(LocalDate date) {
		return week(date).terms();
	}

	public Optional<Term> ofVillage(VillageId villageId, LocalDate date) {
		return Optional.ofNullable(week(date).byVillage().get(villageId));
	}

	/** The member's term in the week of the date, if they serve that week. */
	public Optional<Term> ofMember(MemberId memberId, LocalDate date) {
		return Optional.ofNullable(week(date).byMember().get(memberId));
	}

	/** All the member's terms, most recent first. */
	public List<Term> allOfMember(MemberId memberId) {
		return terms(SELECT_TERMS + """
				and t.id in (select term_id from term_member where member_id = ?)
				order by t.week_start desc, tm.lead desc, tm.member_id""", memberId.value());
	}

	/** The member's terms from the week of the date on, soonest first. */
	public List<Term> upcomingOfMember(MemberId memberId, LocalDate date) {
		return terms(SELECT_TERMS + """
				and t.week_start >= ? and t.id in (select term_id from term_member where member_id = ?)
				order by t.week_start, tm.lead desc, tm.member_id""", Weeks.mondayOf(date), memberId.value());
	}

	/** The member's troubleshooter duties from the week of the date on, soonest first. */
	public List<TroubleshooterDuty> upcomingDutiesOf(MemberId memberId, LocalDate date) {
		return jdbc.sql("""
				select * from troubleshooter_duty where state = 'PUBLISHED' and member_id = ? and week_start >= ?
				order by week_start""").params(memberId.value(), Weeks.mondayOf(date)).query(DUTY).list();
	}

	/** The member's troubleshooter duties, most recent first. */
	public List<TroubleshooterDuty> allDutiesOf(MemberId memberId) {
		return jdbc.sql("""
				select * from troubleshooter_duty where state = 'PUBLISHED' and member_id = ?
				order by week_start desc""").param(memberId.value()).query(DUTY).list();
	}

	/** A published term by its id. */
	public Optional<Term> byId(TermId termId) {
		return terms(SELECT_TERMS + " and t.id = ? order by tm.lead desc, tm.member_id", termId.value()).stream()
			.findFirst();
	}

	/** The village's terms, most recent first. */
	public List<Term> allOfVillage(VillageId villageId) {
		return terms(SELECT_TERMS + " and t.village_id = ? order by t.week_start desc, tm.lead desc, tm.member_id",
				villageId.value());
	}

	public List<TroubleshooterDuty> dutiesInWeek(LocalDate date) {
		return week(date).duties();
	}

	public Optional<TroubleshooterDuty> dutyOf(MemberId memberId, LocalDate date) {
		return Optional.ofNullable(week(date).dutyByMember().get(memberId));
	}

	public Optional<TroubleshooterDuty> dutyOfTownship(TownshipId townshipId, LocalDate date) {
		return Optional.ofNullable(week(date).dutyByTownship().get(townshipId));
	}

	/**
	 * The member's next term or duty week starting after the date, if any is published.
	 */
	public Optional<Term> nextOfMember(MemberId memberId, LocalDate date) {
		return terms(SELECT_TERMS + """
				and t.week_start > ? and t.id in (select term_id from term_member where member_id = ?)
				order by t.week_start, tm.lead desc, tm.member_id""", Weeks.mondayOf(date), memberId.value()).stream()
			.findFirst();
	}

	private List<Term> terms(String sql, Object... params) {
		Map<Long, TermBuilder> builders = new LinkedHashMap<>();
		jdbc.sql(sql).params(params).query((ResultSet rs) -> {
			builders.computeIfAbsent(rs.getLong("id"), (id) -> {
				try {
					return new TermBuilder(id, rs.getLong("village_id"), rs.getObject("week_start", LocalDate.class));
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			}).team.add(new Term.TeamMember(MemberId.of(rs.getLong("member_id")), rs.getBoolean("lead")));
		});
		return builders.values().stream().map(TermBuilder::build).toList();
	}

	private static final class TermBuilder {

		final long id;

		final long villageId;

		final LocalDate weekStart;

		final List<Term.TeamMember> team = new ArrayList<>();

		TermBuilder(long id, long villageId, LocalDate weekStart) {
			this.id = id;
			this.villageId = villageId;
			this.weekStart = weekStart;
		}

		Term build() {
			return new Term(TermId.of(id), VillageId.of(villageId), weekStart, team);
		}

	}

}
