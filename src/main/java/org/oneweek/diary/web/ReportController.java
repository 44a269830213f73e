package org.oneweek.diary.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.platform.KeyedException;
import org.oneweek.casework.CaseCategory;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.Cases;
import org.oneweek.diary.DiaryAccess;
import org.oneweek.diary.HandoverReports;
import org.oneweek.diary.internal.TermLookup;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Role;
import org.oneweek.roster.Term;
import org.oneweek.roster.TermId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The term's hand-over report: written by the team (notes, next steps), handed over,
 * acknowledged by the next lead, printed for the village's records.
 */
@Controller
@RequestMapping("/diary/reports/{termId}")
class ReportController {

	private final Clock clock;

	private final HandoverReports reports;

	private final DiaryAccess access;

	private final TermLookup lookup;

	private final Cases cases;

	ReportController(Clock clock, HandoverReports reports, DiaryAccess access, TermLookup lookup, Cases cases) {
		this.clock = clock;
		this.reports = reports;
		this.access = access;
		this.lookup = lookup;
		this.cases = cases;
	}

	@GetMapping
	String show(@PathVariable long termId, @AuthenticationPrincipal AccountPrincipal me, Model model, Locale locale) {
		HandoverReports.Page page = reports.page(me, TermId.of(termId), clock.instant());
		HandoverReports.Status status = page.status();
		Term term = lookup.term(TermId.of(termId)).orElseThrow();
		boolean onTeam = access.onTeam(me, term);
		model.addAttribute("r", page.report());
		model.addAttribute("status", status);
		model.addAttribute("canWrite", onTeam && !status.handedOver());
		model.addAttribute("canHandOver", (onTeam || me.has(Role.ORG_ADMIN)) && !status.handedOver());
		Term next = (status.toTermId() != null) ? lookup.term(status.toTermId()).orElse(null) : null;
		model.addAttribute("canAcknowledge",
				status.handedOver() && !status.acknowledged() && next != null && access.leads(me, next));
		Map<String, String> categories = new LinkedHashMap<>();
		for (CaseCategory category : cases.categories()) {
			categories.put(category.code(), category.name(locale));
		}
		model.addAttribute("categories", categories);
		return "diary/showReport";
	}

	@PostMapping("/notes")
	String notes(@PathVariable long termId, @RequestParam(required = false) @Nullable String notes,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		return act(termId, redirect, "diary.report.notes.saved",
				() -> reports.saveNotes(me, TermId.of(termId), notes, clock.instant()), "#notes");
	}

	@PostMapping("/steps")
	String step(@PathVariable long termId, @RequestParam long caseId,
			@RequestParam(required = false) @Nullable String text, @AuthenticationPrincipal AccountPrincipal me,
			RedirectAttributes redirect) {
		return act(termId, redirect, "diary.report.nextStep.saved", () -> reports.saveNextStep(me, TermId.of(termId),
				caseId > 0 ? CaseId.of(caseId) : null, text, clock.instant()), "#case-" + caseId);
	}

	@PostMapping("/handover")
	String handOver(@PathVariable long termId, @AuthenticationPrincipal AccountPrincipal me,
			RedirectAttributes redirect) {
		return act(termId, redirect, "diary.report.handedOver",
				() -> reports.handOver(me, TermId.of(termId), clock.instant()), "");
	}

	@PostMapping("/acknowledge")
	String acknowledge(@PathVariable long termId, @AuthenticationPrincipal AccountPrincipal me,
			RedirectAttributes redirect) {
		return act(termId, redirect, "diary.report.acknowledgedDone",
				() -> reports.acknowledge(me, TermId.of(termId), clock.instant()), "");
	}

	private String act(long termId, RedirectAttributes redirect, String done, Runnable action, String anchor) {
		try {
			action.run();
			redirect.addFlashAttribute("messageKey", done);
		}
		catch (KeyedException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKey());
			redirect.addFlashAttribute("errorArgs", ex.arguments());
		}
		return "redirect:/diary/reports/" + termId + anchor;
	}

}
