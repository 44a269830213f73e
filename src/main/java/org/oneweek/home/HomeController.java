package org.oneweek.home;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.oneweek.bulletin.FollowUps;
import org.oneweek.casework.CaseDashboard;
import org.oneweek.diary.DiaryHome;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Member;
import org.oneweek.people.MemberId;
import org.oneweek.people.Members;
import org.oneweek.people.Role;
import org.oneweek.people.Unit;
import org.oneweek.people.UnitId;
import org.oneweek.people.Units;
import org.oneweek.places.Places;
import org.oneweek.places.Township;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Weeks;
import org.oneweek.platform.web.PublicAddress;
import org.oneweek.roster.RosterNotices;
import org.oneweek.roster.Term;
import org.oneweek.roster.Terms;
import org.oneweek.roster.TroubleshooterDuty;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Today": one page per person with what their role asks of them this day and week.
 */
@Controller
class HomeController {

	/** A term as the pages show it: the village, its street, and the team by name. */
	record TermView(Term term, Village village, Township township, List<Member> team, Member lead,
			@Nullable Member troubleshooter) {

	}

	/** A township's week: its troubleshooter and its villages with their teams. */
	record TownshipWeek(Township township, @Nullable Member troubleshooter, List<VillageWeek> villages) {

		long covered() {
			return villages.stream().filter((v) -> v.term() != null).count();
		}

	}

	record VillageWeek(Village village, @Nullable TermView term) {

	}

	private final Clock clock;

	private final Terms terms;

	private final Places places;

	private final Members members;

	private final Units units;

	private final CaseDashboard caseDashboard;

	private final FollowUps followUps;

	private final RosterNotices notices;

	private final DiaryHome diary;

	private final PublicAddress publicAddress;

	HomeController(Clock clock, Terms terms, Places places, Members members, Units units, CaseDashboard caseDashboard,
			FollowUps followUps, RosterNotices notices, DiaryHome diary, PublicAddress publicAddress) {
		this.publicAddress = publicAddress;
		this.clock = clock;
		this.terms = terms;
		this.places = places;
		this.members = members;
		this.units = units;
		this.caseDashboard = caseDashboard;
		this.followUps = followUps;
		this.notices = notices;
		this.diary = diary;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("today", today);
		model.addAttribute("week", Weeks.label(today));
		model.addAttribute("weekStart", Weeks.mondayOf(today));
		model.addAttribute("weekEnd", Weeks.mondayOf(today).plusDays(6));
		model.addAttribute("me", me);
		model.addAttribute("caseCards", caseDashboard.cards(me));
		model.addAttribute("diaryCard", diary.card(me, clock.instant()));
		if (me.has(Role.ORG_ADMIN)) {
			List<TownshipWeek> week = townshipWeeks(today);
			model.addAttribute("townshipWeeks", week);
			model.addAttribute("villageCount", places.countVillages());
			model.addAttribute("memberCount", members.count());
			model.addAttribute("termCount", week.stream().mapToLong(TownshipWeek::covered).sum());
			model.addAttribute("publicAddressMissing", !publicAddress.isConfigured());
		}
		MemberId memberId = me.memberId();
		if (memberId != null) {
			model.addAttribute("member", members.member(memberId).orElse(null));
			model.addAttribute("rosterNotices", notices.open(memberId));
			terms.ofMember(memberId, today).map(this::view).ifPresent((t) -> model.addAttribute("myTerm", t));
			terms.nextOfMember(memberId, today).map(this::view).ifPresent((t) -> model.addAttribute("nextTerm", t));
			terms.dutyOf(memberId, today).ifPresent((duty) -> {
				Township township = places.township(duty.townshipId()).orElseThrow();
				model.addAttribute("myDuty", duty);
				model.addAttribute("dutyWeek", townshipWeek(township, today, terms.inWeek(today)));
			});
		}
		VillageId villageId = me.villageId();
		if (me.has(Role.COMMITTEE) && villageId != null) {
			places.village(villageId).ifPresent((village) -> {
				model.addAttribute("committeeVillage", village);
				model.addAttribute("committeeTownship", places.township(village.townshipId()).orElse(null));
				model.addAttribute("followUpsWaiting", followUps.waiting(villageId));
				terms.ofVillage(villageId, today)
					.map(this::view)
					.ifPresent((t) -> model.addAttribute("villageTerm", t));
				terms.dutyOfTownship(village.townshipId(), today)
					.flatMap((duty) -> members.member(duty.memberId()))
					.ifPresent((m) -> model.addAttribute("villageTroubleshooter", m));
			});
		}
		UnitId unitId = me.unitId();
		if (me.has(Role.UNIT) && unitId != null) {
			Optional<Unit> unit = units.unit(unitId);
			unit.ifPresent((u) -> model.addAttribute("unit", u));
		}
		return "home/showHome";
	}

	private List<TownshipWeek> townshipWeeks(LocalDate today) {
		List<Term> week = terms.inWeek(today);
		List<TownshipWeek> result = new ArrayList<>();
		for (Township township : places.townships()) {
			result.add(townshipWeek(township, today, week));
		}
		return result;
	}

	private TownshipWeek townshipWeek(Township township, LocalDate today, List<Term> week) {
		Map<VillageId, Term> byVillage = week.stream().collect(Collectors.toMap(Term::villageId, Function.identity()));
		Member troubleshooter = terms.dutyOfTownship(township.id(), today)
			.flatMap((duty) -> members.member(duty.memberId()))
			.orElse(null);
		List<VillageWeek> villages = places.villagesOf(township.id())
			.stream()
			.filter(Village::active)
			.map((v) -> new VillageWeek(v, byVillage.containsKey(v.id()) ? view(byVillage.get(v.id())) : null))
			.toList();
		return new TownshipWeek(township, troubleshooter, villages);
	}

	private TermView view(Term term) {
		Village village = places.village(term.villageId()).orElseThrow();
		Township township = places.township(village.townshipId()).orElseThrow();
		Map<MemberId, Member> team = new HashMap<>();
		members.members(term.memberIds()).forEach((m) -> team.put(m.id(), m));
		List<Member> ordered = term.memberIds().stream().map(team::get).toList();
		Member troubleshooter = terms.dutyOfTownship(township.id(), term.weekStart())
			.map(TroubleshooterDuty::memberId)
			.flatMap(members::member)
			.orElse(null);
		return new TermView(term, village, township, ordered, team.get(term.leadId()), troubleshooter);
	}

}
