package org.oneweek.casework.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseCommands.HandOverCases;
import org.oneweek.casework.CaseRuleException;
import org.oneweek.casework.Cases;
import org.oneweek.casework.Handover;
import org.oneweek.casework.HandoverId;
import org.oneweek.casework.Handovers;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Member;
import org.oneweek.people.MemberId;
import org.oneweek.people.Members;
import org.oneweek.people.Role;
import org.oneweek.places.Places;
import org.oneweek.roster.Term;
import org.oneweek.roster.TermId;
import org.oneweek.roster.Terms;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hand-over of a village's open cases from one term's team to the next.
 */
@Controller
@RequestMapping("/cases/handovers")
class HandoverController {

	private final Clock clock;

	private final Handovers handovers;

	private final Cases cases;

	private final Terms terms;

	private final Members members;

	private final Places places;

	HandoverController(Clock clock, Handovers handovers, Cases cases, Terms terms, Members members, Places places) {
		this.clock = clock;
		this.handovers = handovers;
		this.cases = cases;
		this.terms = terms;
		this.members = members;
		this.places = places;
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me, Model model, Locale locale) {
		Handover handover = handovers.handover(HandoverId.of(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		List<Term> villageTerms = terms.allOfVillage(handover.villageId());
		Term from = villageTerms.stream().filter((t) -> t.id().equals(handover.fromTermId())).findFirst().orElseThrow();
		Term to = villageTerms.stream().filter((t) -> t.id().equals(handover.toTermId())).findFirst().orElseThrow();
		MemberId memberId = me.memberId();
		boolean onFrom = memberId != null && from.hasMember(memberId);
		boolean onTo = memberId != null && to.hasMember(memberId);
		boolean committee = me.has(Role.COMMITTEE) && handover.villageId().equals(me.villageId());
		if (!onFrom && !onTo && !committee && !me.has(Role.ORG_ADMIN)) {
			throw new AccessDeniedException("hand-over " + id);
		}
		List<Case> items = cases.byIds(handover.items().stream().map(Handover.Item::caseId).toList());
		model.addAttribute("handover", handover);
		model.addAttribute("village", places.village(handover.villageId()).orElseThrow());
		model.addAttribute("fromWeek", from.week());
		model.addAttribute("toWeek", to.week());
		model.addAttribute("fromTeam", names(from));
		model.addAttribute("toTeam", names(to));
		model.addAttribute("items", items);
		model.addAttribute("now", clock.instant());
		model.addAttribute("mayAcknowledge", (onTo && me.has(Role.SECRETARY)) || me.has(Role.ORG_ADMIN));
		return "casework/showHandover";
	}

	@PostMapping
	String make(@RequestParam long termId, @RequestParam(required = false) @Nullable String note,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		try {
			Handover handover = handovers.handOver(
					new HandOverCases(TermId.of(termId),
							(note != null && note.length() > 2000) ? note.substring(0, 2000) : note),
					me, clock.instant());
			redirect.addFlashAttribute("messageKey", "case.handover.made");
			redirect.addFlashAttribute("messageArgs", new Object[] { handover.items().size() });
			return "redirect:/cases/handovers/" + handover.id();
		}
		catch (CaseRuleException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKey());
			return "redirect:/cases/mine";
		}
	}

	@PostMapping("/{id}/acknowledge")
	String acknowledge(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me,
			RedirectAttributes redirect) {
		try {
			handovers.acknowledge(HandoverId.of(id), me, clock.instant());
			redirect.addFlashAttribute("messageKey", "case.handover.acknowledgedDone");
		}
		catch (CaseRuleException ex) {
			redirect.addFlashAttribute("errorKey", "case.handover.acknowledged.already");
		}
		return "redirect:/cases/handovers/" + id;
	}

	private String names(Term term) {
		return String.join("、", members.members(term.memberIds()).stream().map(Member::name).toList());
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

}
