package org.oneweek.roster.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.oneweek.places.Places;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.RosterConflictException;
import org.oneweek.roster.internal.PlanEditor;
import org.oneweek.roster.internal.PlanRange;
import org.oneweek.roster.internal.PlanReview;
import org.oneweek.roster.internal.RosterPlanner;
import org.oneweek.roster.internal.Slot;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The board of a range of weeks: who serves where, the score explained rule by rule, and
 * what the organization department does by hand: swap two members (by picking or
 * dragging), put a member on a post, pin agreed terms, choose the lead, publish.
 */
@Controller
@RequestMapping("/roster/plan")
class PlanController {

	private final PlanReview review;

	private final PlanBoards boards;

	private final PlanEditor editor;

	private final RosterPlanner planner;

	private final RosterTexts texts;

	private final Places places;

	private final Clock clock;

	PlanController(PlanReview review, PlanBoards boards, PlanEditor editor, RosterPlanner planner, RosterTexts texts,
			Places places, Clock clock) {
		this.review = review;
		this.boards = boards;
		this.editor = editor;
		this.planner = planner;
		this.texts = texts;
		this.places = places;
		this.clock = clock;
	}

	@GetMapping
	String show(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Long township,
			@RequestParam(required = false) @Nullable String pick, Model model, Locale locale) {
		PlanRange range;
		try {
			range = range(from, to);
		}
		catch (RosterConflictException ex) {
			model.addAttribute("errorKey", ex.getMessage());
			range = range(null, null);
		}
		PlanReview.Review result = review.review(range);
		model.addAttribute("range", range);
		model.addAttribute("township", township);
		model.addAttribute("townships", places.townships());
		model.addAttribute("review", result);
		model.addAttribute("rules", texts.rules(result, locale));
		model.addAttribute("board", boards.board(range, township, result));
		model.addAttribute("active", planner.activeOverlapping(range).orElse(null));
		Slot picked = Slot.parse(pick);
		if (picked != null) {
			model.addAttribute("pick", picked.key());
			model.addAttribute("free", boards.free(picked));
		}
		return "roster/showPlan";
	}

	@PostMapping("/swap")
	String swap(@RequestParam(required = false) @Nullable String a, @RequestParam(required = false) @Nullable String b,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable Long township, Principal principal, Locale locale,
			RedirectAttributes redirect) {
		Slot first = Slot.parse(a);
		Slot second = Slot.parse(b);
		return change(from, to, township, locale, redirect, "roster.swap.done", () -> {
			if (first == null || second == null) {
				throw new RosterConflictException("roster.slot.changed");
			}
			editor.swap(first, second, principal.getName());
		});
	}

	@PostMapping("/assign")
	String assign(@RequestParam(required = false) @Nullable String slot,
			@RequestParam(required = false) @Nullable Long member,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable Long township, Principal principal, Locale locale,
			RedirectAttributes redirect) {
		Slot target = Slot.parse(slot);
		return change(from, to, township, locale, redirect, "roster.assign.done", () -> {
			if (target == null || member == null) {
				throw new RosterConflictException("roster.assign.unknownMember");
			}
			editor.assign(target, member, principal.getName());
		});
	}

	@PostMapping("/pin")
	String pin(@RequestParam(required = false) @Nullable String slot,
			@RequestParam(defaultValue = "true") boolean pinned, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable Long township, Principal principal, RedirectAttributes redirect) {
		Slot target = Slot.parse(slot);
		return simple(from, to, township, redirect, pinned ? "roster.pin.done" : "roster.unpin.done", () -> {
			if (target == null) {
				throw new RosterConflictException("roster.slot.changed");
			}
			editor.pin(target, pinned, principal.getName());
		});
	}

	@PostMapping("/lead")
	String lead(@RequestParam(required = false) @Nullable String slot,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable Long township, Principal principal, RedirectAttributes redirect) {
		Slot target = Slot.parse(slot);
		return simple(from, to, township, redirect, "roster.lead.done", () -> {
			if (target == null || target.duty() || target.memberId() == null) {
				throw new RosterConflictException("roster.slot.changed");
			}
			editor.makeLead(target.id(), target.memberId(), principal.getName());
		});
	}

	@PostMapping("/remove")
	String remove(@RequestParam(required = false) @Nullable String slot,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable Long township, Principal principal, RedirectAttributes redirect) {
		Slot target = Slot.parse(slot);
		return simple(from, to, township, redirect, "roster.remove.done", () -> {
			if (target == null || target.duty()) {
				throw new RosterConflictException("roster.slot.changed");
			}
			editor.removePlanned(target.id(), principal.getName());
		});
	}

	@PostMapping("/publish")
	String publish(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable Long township, Principal principal, Locale locale,
			RedirectAttributes redirect) {
		PlanRange range;
		try {
			range = range(parse(from), parse(to));
			int published = editor.publish(range, principal.getName());
			redirect.addFlashAttribute("messageKey", "roster.publish.done");
			redirect.addFlashAttribute("messageArgs", new Object[] { published });
		}
		catch (RosterConflictException ex) {
			redirect.addFlashAttribute("errorKey", ex.getMessage());
			if ("roster.publish.infeasible".equals(ex.getMessage())) {
				redirect.addFlashAttribute("errorArgs",
						new Object[] { texts.brokenHardRules(review.review(range(parse(from), parse(to))), locale) });
			}
		}
		return "redirect:" + url(from, to, township);
	}

	/**
	 * Makes a change and tells what it did to the hard rules: every one still kept, or
	 * which ones it broke.
	 */
	private String change(@Nullable String from, @Nullable String to, @Nullable Long township, Locale locale,
			RedirectAttributes redirect, String doneKey, Runnable change) {
		PlanRange range;
		try {
			range = range(parse(from), parse(to));
		}
		catch (RosterConflictException ex) {
			range = range(null, null);
		}
		PlanReview.Review before = review.review(range);
		try {
			change.run();
		}
		catch (RosterConflictException ex) {
			redirect.addFlashAttribute("errorKey", ex.getMessage());
			return "redirect:" + url(from, to, township);
		}
		catch (DataIntegrityViolationException ex) {
			// someone changed the same team at the same moment
			redirect.addFlashAttribute("errorKey", "roster.slot.changed");
			return "redirect:" + url(from, to, township);
		}
		PlanReview.Review after = review.review(range);
		List<PlanReview.RuleResult> newlyBroken = after.rules()
			.stream()
			.filter((rule) -> rule.hard() && rule.count() > count(before, rule.rule()))
			.toList();
		long softDelta = after.soft() - before.soft();
		if (!newlyBroken.isEmpty()) {
			redirect.addFlashAttribute("errorKey", "roster.check.broken");
			redirect.addFlashAttribute("errorArgs",
					new Object[] { newlyBroken.stream()
						.map((rule) -> texts.ruleName(rule.rule(), locale))
						.collect(Collectors.joining("zh".equals(locale.getLanguage()) ? "、" : ", ")) });
		}
		else if (after.feasible()) {
			redirect.addFlashAttribute("messageKey", doneKey);
			redirect.addFlashAttribute("messageArgs", new Object[] { (softDelta >= 0 ? "+" : "") + softDelta });
		}
		else {
			redirect.addFlashAttribute("messageKey", doneKey + ".stillBroken");
			redirect.addFlashAttribute("messageArgs", new Object[] { -after.hard() });
		}
		return "redirect:" + url(from, to, township);
	}

	private static int count(PlanReview.Review review, String rule) {
		return review.rules()
			.stream()
			.filter((r) -> r.rule().equals(rule))
			.mapToInt(PlanReview.RuleResult::count)
			.sum();
	}

	private String simple(@Nullable String from, @Nullable String to, @Nullable Long township,
			RedirectAttributes redirect, String doneKey, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("messageKey", doneKey);
		}
		catch (RosterConflictException ex) {
			redirect.addFlashAttribute("errorKey", ex.getMessage());
		}
		catch (DataIntegrityViolationException ex) {
			redirect.addFlashAttribute("errorKey", "roster.slot.changed");
		}
		return "redirect:" + url(from, to, township);
	}

	private PlanRange range(@Nullable LocalDate from, @Nullable LocalDate to) {
		LocalDate start = (from != null) ? from : Weeks.mondayOf(LocalDate.now(clock)).plusWeeks(1);
		LocalDate end = (to != null) ? to : start.plusWeeks(RosterController.QUARTER_WEEKS - 1);
		return PlanRange.of(start, end);
	}

	private static @Nullable LocalDate parse(@Nullable String date) {
		if (date == null || date.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(date.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	private static String url(@Nullable String from, @Nullable String to, @Nullable Long township) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/roster/plan");
		if (parse(from) != null) {
			url.queryParam("from", parse(from));
		}
		if (parse(to) != null) {
			url.queryParam("to", parse(to));
		}
		if (township != null) {
			url.queryParam("township", township);
		}
		return url.build().toUriString();
	}

}
