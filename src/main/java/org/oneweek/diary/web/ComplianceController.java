package org.oneweek.diary.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.oneweek.diary.DiaryAccessDeniedException;
import org.oneweek.diary.DiaryCompliance;
import org.oneweek.diary.DiaryCompliance.MemberTerm;
import org.oneweek.diary.DiaryCompliance.Tally;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.MemberId;
import org.oneweek.people.Role;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.Term;
import org.oneweek.roster.TermId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Diary compliance for the organization department: per week, per village and its team,
 * per member.
 */
@Controller
class ComplianceController {

	private final Clock clock;

	private final DiaryCompliance compliance;

	private final Names names;

	ComplianceController(Clock clock, DiaryCompliance compliance, Names names) {
		this.clock = clock;
		this.compliance = compliance;
		this.names = names;
	}

	/** A term's team with each member's diaries. */
	record TeamLine(Term term, String villageName, List<MemberTerm> members, Tally tally) {

	}

	/** Added-up diaries of one week, village or member. */
	record Line(String label, Tally tally, List<LocalDate> missingDays) {

	}

	@GetMapping("/diary/compliance")
	String compliance(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		if (!me.has(Role.ORG_ADMIN)) {
			throw new DiaryAccessDeniedException("diary compliance");
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		LocalDate last = Weeks.mondayOf((to != null) ? to : today);
		LocalDate first = Weeks.mondayOf((from != null) ? from : last.minusWeeks(3));
		if (first.isAfter(last)) {
			LocalDate swap = first;
			first = last;
			last = swap;
		}
		if (first.plusWeeks(DiaryCompliance.MAX_WEEKS).isBefore(last)) {
			first = last.minusWeeks(DiaryCompliance.MAX_WEEKS);
			model.addAttribute("errorKey", "diary.compliance.tooLong");
			model.addAttribute("errorArgs", new Object[] { DiaryCompliance.MAX_WEEKS });
		}
		List<MemberTerm> rows = compliance.between(first, last, now);
		Set<MemberId> memberIds = new HashSet<>();
		rows.forEach((r) -> memberIds.add(r.memberId()));
		Map<MemberId, String> memberNames = names.of(memberIds);

		List<Line> weeks = new ArrayList<>();
		DiaryCompliance.tally(rows, (r) -> r.term().weekStart())
			.forEach((monday, tally) -> weeks.add(new Line(Weeks.label(monday), tally, List.of())));
		List<Line> villages = new ArrayList<>();
		DiaryCompliance.tally(rows, (r) -> r.term().villageId())
			.forEach((villageId, tally) -> villages.add(new Line(names.villageName(villageId), tally, List.of())));
		Map<MemberId, List<LocalDate>> missingByMember = new LinkedHashMap<>();
		rows.forEach((r) -> missingByMember.computeIfAbsent(r.memberId(), (id) -> new ArrayList<>())
			.addAll(r.missingDays()));
		List<Line> people = new ArrayList<>();
		DiaryCompliance.tally(rows, MemberTerm::memberId)
			.forEach((memberId, tally) -> people.add(new Line(memberNames.getOrDefault(memberId, ""), tally,
					missingByMember.getOrDefault(memberId, List.of()))));
		people.sort((a, b) -> Integer.compare(b.tally().missing(), a.tally().missing()));
		Map<TermId, List<MemberTerm>> byTerm = new LinkedHashMap<>();
		rows.forEach((r) -> byTerm.computeIfAbsent(r.term().id(), (id) -> new ArrayList<>()).add(r));
		List<TeamLine> teams = new ArrayList<>();
		byTerm.forEach((termId, members) -> teams.add(new TeamLine(members.get(0).term(),
				names.villageName(members.get(0).term().villageId()), members, DiaryCompliance.total(members))));

		model.addAttribute("from", first);
		model.addAttribute("to", last);
		model.addAttribute("total", DiaryCompliance.total(rows));
		model.addAttribute("weeks", weeks);
		model.addAttribute("villages", villages);
		model.addAttribute("people", people);
		model.addAttribute("teams", teams);
		model.addAttribute("memberNames", memberNames);
		return "diary/showCompliance";
	}

}
