package org.oneweek.bulletin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.oneweek.casework.Case;
import org.oneweek.casework.CaseCategory;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.Cases;
import org.oneweek.casework.PublicCases;
import org.oneweek.people.Member;
import org.oneweek.people.MemberId;
import org.oneweek.people.Members;
import org.oneweek.places.Places;
import org.oneweek.places.Township;
import org.oneweek.places.Village;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.Term;
import org.oneweek.roster.Terms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a village's board together from the ledger, the roster and the board's own
 * records, and numbers its printed posters.
 */
@Service
public class BulletinBoards {

	private final PublicCases cases;

	private final Cases ledger;

	private final Places places;

	private final Terms terms;

	private final Members members;

	private final Enlistments enlistments;

	private final BoardSettings settings;

	private final JdbcClient jdbc;

	private final ZoneId zone;

	BulletinBoards(PublicCases cases, Cases ledger, Places places, Terms terms, Members members,
			Enlistments enlistments, BoardSettings settings, JdbcClient jdbc, Clock clock) {
		this.cases = cases;
		this.ledger = ledger;
		this.places = places;
		this.terms = terms;
		this.members = members;
		this.enlistments = enlistments;
		this.settings = settings;
		this.jdbc = jdbc;
		this.zone = clock.getZone();
	}

	/** The village with this code (as printed in the board's address). */
	@Transactional(readOnly = true)
	public Optional<Village> village(String code) {
		String wanted = code.strip();
		if (!wanted.matches("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")) {
			return Optional.empty();
		}
		return places.villageByCode(wanted).or(() -> places.villageByCode(wanted.toUpperCase(java.util.Locale.ROOT)));
	}

	@Transactional(readOnly = true)
	public Board board(Village village, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		LocalDate monday = Weeks.mondayOf(today);
		Instant weekStart = monday.atStartOfDay(zone).toInstant();
		Township township = places.township(village.townshipId()).orElseThrow();
		List<Board.TeamMember> team = new ArrayList<>();
		terms.ofVillage(village.id(), today).ifPresent((term) -> {
			Map<MemberId, Member> byId = members.members(term.memberIds())
				.stream()
				.collect(Collectors.toMap(Member::id, Function.identity()));
			for (Term.TeamMember m : term.team()) {
				Member member = byId.get(m.memberId());
				if (member != null) {
					team.add(new Board.TeamMember(member.name(), m.lead()));
				}
			}
		});
		String troubleshooter = terms.dutyOfTownship(township.id(), today)
			.flatMap((duty) -> members.member(duty.memberId()))
			.map(Member::name)
			.orElse(null);
		String dutyPhone = settings.dutyPhone(village.id()).orElse(village.committeePhone());

		List<Case> onBoard = cases.board(village.id(), weekStart);
		List<CaseId> ids = onBoard.stream().map(Case::id).toList();
		Map<CaseId, String> notes = cases.latestPublicNotes(ids);
		Map<CaseId, String> reporters = cases.consentedReporterNames(ids);
		Map<CaseId, List<Enlistment>> enlisted = enlistments.activeOf(ids);
		List<Board.Row> thisWeek = new ArrayList<>();
		List<Board.Row> earlier = new ArrayList<>();
		for (Case c : onBoard) {
			Board.Row row = new Board.Row(c, notes.get(c.id()), reporters.get(c.id()),
					enlisted.getOrDefault(c.id(), List.of()), c.isOverdue(now));
			(c.receivedAt().isBefore(weekStart) ? earlier : thisWeek).add(row);
		}
		Instant lastWeekStart = monday.minusWeeks(1).atStartOfDay(zone).toInstant();
		Board.LastWeek lastWeek = new Board.LastWeek(Weeks.label(monday.minusWeeks(1)),
				cases.resolvedBetween(village.id(), lastWeekStart, weekStart),
				cases.callbacksBetween(village.id(), lastWeekStart, weekStart));
		Map<String, CaseCategory> categories = new HashMap<>();
		ledger.categories().forEach((cat) -> categories.put(cat.code(), cat));
		return new Board(village, township, Weeks.label(monday), monday, monday.plusDays(6), team, troubleshooter,
				dutyPhone, thisWeek, earlier, lastWeek, cases.figures(village.id(), now), categories, now);
	}

	/** A printed board's number and date: the same board printed again keeps them. */
	public record PosterIssue(int number, Instant issuedAt) {

	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public PosterIssue posterIssue(Board board, Instant now) {
		String fingerprint = board.fingerprint();
		long villageId = board.village().id().value();
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("bulletin-poster:" + villageId).query().singleRow();
		return jdbc.sql("""
				select number, issued_at from bulletin_poster_issue
				where village_id = ? and week_start = ? and fingerprint = ?""")
			.params(villageId, board.weekStart(), fingerprint)
			.query((rs, n) -> new PosterIssue(rs.getInt("number"), rs.getTimestamp("issued_at").toInstant()))
			.optional()
			.orElseGet(() -> {
				int number = jdbc.sql("""
						select coalesce(max(number), 0) + 1 from bulletin_poster_issue
						where village_id = ? and week_start = ?""")
					.params(villageId, board.weekStart())
					.query(Integer.class)
					.single();
				jdbc.sql("""
						insert into bulletin_poster_issue (village_id, week_start, number, fingerprint, issued_at)
						values (?, ?, ?, ?, ?)""")
					.params(villageId, board.weekStart(), number, fingerprint, Timestamp.from(now))
					.update();
				return new PosterIssue(number, now);
			});
	}

}
