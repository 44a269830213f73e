package org.oneweek.roster.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.RosterConflictException;
import org.oneweek.roster.internal.PlanRange;
import org.oneweek.roster.internal.PlanReview;
import org.oneweek.roster.internal.PlanningRun;
import org.oneweek.roster.internal.RosterPlanner;
import org.oneweek.roster.internal.RosterSettingsStore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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
 * The organization department's roster: start planning a range of weeks, follow the run
 * live, stop it early.
 */
@Controller
@RequestMapping("/roster")
class RosterController {

	static final int QUARTER_WEEKS = 13;

	private final RosterPlanner planner;

	private final RosterSettingsStore settings;

	private final PlanReview review;

	private final RosterTexts texts;

	private final Clock clock;

	RosterController(RosterPlanner planner, RosterSettingsStore settings, PlanReview review, RosterTexts texts,
			Clock clock) {
		this.planner = planner;
		this.settings = settings;
		this.review = review;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping
	String overview(Model model) {
		LocalDate next = Weeks.mondayOf(LocalDate.now(clock)).plusWeeks(1);
		model.addAttribute("defaultFrom", next);
		model.addAttribute("defaultTo", next.plusWeeks(QUARTER_WEEKS - 1));
		model.addAttribute("settings", settings.current());
		model.addAttribute("runs", planner.recent(10));
		return "roster/showRoster";
	}

	@PostMapping("/runs")
	String start(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Integer seconds, Principal principal,
			RedirectAttributes redirect) {
		if (from == null || to == null) {
			redirect.addFlashAttribute("errorKey", "roster.range.required");
			return "redirect:/roster";
		}
		int limit = (seconds != null) ? seconds : settings.current().timeLimitSeconds();
		try {
			long id = planner.start(PlanRange.of(from, to), limit, principal.getName());
			return "redirect:/roster/runs/" + id;
		}
		catch (RosterConflictException ex) {
			redirect.addFlashAttribute("errorKey", ex.getMessage());
			return "redirect:/roster";
		}
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, Model model, Locale locale) {
		PlanningRun run = planner.run(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("run", run);
		if (run.done() && run.status() != PlanningRun.Status.FAILED) {
			PlanReview.Review result = review.review(run.range());
			model.addAttribute("review", result);
			model.addAttribute("rules", texts.rules(result, locale));
		}
		return "roster/showRun";
	}

	@GetMapping("/runs/{id}/progress")
	String progress(@PathVariable long id, Model model, Locale locale) {
		run(id, model, locale);
		return "roster/showRun :: progress";
	}

	@PostMapping("/runs/{id}/stop")
	String stop(@PathVariable long id, RedirectAttributes redirect) {
		planner.run(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		planner.requestStop(id);
		redirect.addFlashAttribute("messageKey", "roster.run.stopRequested");
		return "redirect:/roster/runs/" + id;
	}

}
