package org.oneweek.reconciliation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.oneweek.bulletin.FollowUp;
import org.oneweek.bulletin.FollowUpId;
import org.oneweek.bulletin.FollowUps;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseAccess;
import org.oneweek.casework.Cases;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.MemberId;
import org.oneweek.people.Role;
import org.oneweek.places.Places;
import org.oneweek.places.TownshipId;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.platform.KeyedException;
import org.oneweek.platform.Weeks;
import org.oneweek.diary.HandoverReports;
import org.oneweek.reconciliation.HandoverReconciliations;
import org.oneweek.reconciliation.ItemRef;
import org.oneweek.reconciliation.Pair;
import org.oneweek.reconciliation.Reconciliations;
import org.oneweek.reconciliation.Twins;
import org.oneweek.reconciliation.Verdict;
import org.oneweek.reconciliation.WeekReconciliation;
import org.oneweek.roster.Term;
import org.oneweek.roster.TermId;
import org.oneweek.roster.Terms;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A village's week reconciled: the team reviews the proposals (confirm, reject), pairs
 * items by hand, and prints the report.
 */
@Controller
@RequestMapping("/reconciliation")
class ReconciliationController {

	private final Reconciliations reconciliations;

	private final Places places;

	private final Terms terms;

	private final ReconciliationTexts texts;

	private final Clock clock;

	private final Cases cases;

	private final CaseAccess caseAccess;

	private final HandoverReconciliations handedOver;

	private final HandoverReports reports;

	private final Twins twins;

	private final FollowUps followUps;

	ReconciliationController(Reconciliations reconciliations, Places places, Terms terms, ReconciliationTexts texts,
			Clock clock, Cases cases, CaseAccess caseAccess, HandoverReconciliations handedOver,
			HandoverReports reports, Twins twins, FollowUps followUps) {
		this.twins = twins;
		this.followUps = followUps;
		this.handedOver = handedOver;
		this.reports = reports;
		this.cases = cases;
		this.caseAccess = caseAccess;
		this.reconciliations = reconciliations;
		this.places = places;
		this.terms = terms;
		this.texts = texts;
		this.clock = clock;
	}

	/** One's own: the term's village this week, the committee's village, the district. */
	@GetMapping
	String mine(@AuthenticationPrincipal AccountPrincipal me) {
		LocalDate today = LocalDate.now(clock);
		MemberId memberId = me.memberId();
		if (memberId != null && me.has(Role.SECRETARY)) {
			Term term = terms.ofMember(memberId, today).orElse(null);
			if (term != null) {
				return "redirect:" + weekUrl(term.villageId(), today);
			}
		}
		VillageId village = me.villageId();
		if (village != null && me.has(Role.COMMITTEE)) {
			return "redirect:" + weekUrl(village, today);
		}
		if (me.has(Role.ORG_ADMIN)) {
			return "redirect:/reconciliation/district";
		}
		return "reconciliation/noWeek";
	}

	static String weekUrl(VillageId village, LocalDate day) {
		return UriComponentsBuilder.fromPath("/reconciliation/villages/{village}")
			.queryParam("day", Weeks.mondayOf(day))
			.buildAndExpand(village.value())
			.toUriString();
	}

	@GetMapping("/villages/{villageId}")
	String showWeek(@PathVariable long villageId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@AuthenticationPrincipal AccountPrincipal me, Model model, Locale locale) {
		fill(villageId, day, me, model, locale);
		return "reconciliation/showWeek";
	}

	@GetMapping("/villages/{villageId}/report")
	String showReport(@PathVariable long villageId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@AuthenticationPrincipal AccountPrincipal me, Model model, Locale locale) {
		fill(villageId, day, me, model, locale);
		return "reconciliation/showReport";
	}

	private WeekReconciliation fill(long villageId, @Nullable LocalDate day, AccountPrincipal me, Model model,
			Locale locale) {
		VillageId village = VillageId.of(villageId);
		Village v = places.village(village)
			.orElseThrow(() -> new org.oneweek.platform.UnknownIdException("village", villageId));
		LocalDate monday = Weeks.mondayOf((day != null) ? day : LocalDate.now(clock));
		WeekReconciliation week = reconciliations.week(village, monday, me);
		model.addAttribute("village", v);
		model.addAttribute("r", week);
		model.addAttribute("monday", monday);
		model.addAttribute("previousWeek", monday.minusWeeks(1));
		model.addAttribute("nextWeek", monday.plusWeeks(1));
		model.addAttribute("canDecide", reconciliations.canDecide(village, monday, me));
		model.addAttribute("say", texts.in(locale));
		return week;
	}

	/**
	 * The reconciliation kept with a term's hand-over report, as it stood at the
	 * hand-over (the frozen report loads it); before the hand-over, a pointer to the live
	 * report.
	 */
	@GetMapping("/terms/{termId}")
	String showHandover(@PathVariable long termId, @AuthenticationPrincipal AccountPrincipal me, Model model,
			Locale locale) {
		TermId id = TermId.of(termId);
		Term term = handedOver.term(id, me);
		model.addAttribute("term", term);
		model.addAttribute("village", places.village(term.villageId()).orElseThrow());
		model.addAttribute("s", handedOver.of(id, me).orElse(null));
		model.addAttribute("handedOver", reports.status(id).handedOver());
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("say", texts.in(locale));
		return "reconciliation/showHandover";
	}

	/** The district's blind spots per village, street and category over weeks. */
	@GetMapping("/district")
	String showDistrict(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(required = false, defaultValue = "4") int weeks,
			@RequestParam(required = false) @Nullable Long township, @AuthenticationPrincipal AccountPrincipal me,
			Model model, Locale locale) {
		LocalDate until = (day != null) ? day : LocalDate.now(clock);
		TownshipId street = (township != null && township > 0) ? TownshipId.of(township) : null;
		model.addAttribute("spots", reconciliations.blindSpots(until, weeks, street, me));
		model.addAttribute("weekCount", Math.max(1, Math.min(weeks, 26)));
		model.addAttribute("townships", places.townships());
		model.addAttribute("township", street);
		model.addAttribute("day", Weeks.mondayOf(until));
		model.addAttribute("say", texts.in(locale));
		return "reconciliation/showDistrict";
	}

	@PostMapping("/villages/{villageId}/decisions")
	String decide(@PathVariable long villageId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(required = false) @Nullable String left,
			@RequestParam(required = false) @Nullable String right,
			@RequestParam(required = false) @Nullable String verdict,
			@RequestParam(required = false, defaultValue = "false") boolean manual,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		VillageId village = VillageId.of(villageId);
		LocalDate monday = Weeks.mondayOf((day != null) ? day : LocalDate.now(clock));
		try {
			if (left == null || right == null || left.isBlank() || right.isBlank()) {
				throw new KeyedException("reconciliation.pair.twoItems");
			}
			Verdict v = parseVerdict(verdict);
			Pair pair = Pair.of(ItemRef.parse(left), ItemRef.parse(right));
			reconciliations.decide(village, monday, pair, v, manual, me, clock.instant());
			if (v == Verdict.CONFIRMED) {
				reconciliations.link(village, monday, pair, me, clock.instant());
			}
			redirect.addFlashAttribute("messageKey",
					manual ? "reconciliation.paired" : "reconciliation.decided." + v.name());
		}
		catch (KeyedException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKey());
			redirect.addFlashAttribute("errorArgs", ex.arguments());
		}
		return "redirect:" + weekUrl(village, monday) + (manual ? "#by-hand" : "#proposals");
	}

	/** The duplicate case of a confirmed pair merged into the villager's case. */
	@PostMapping("/villages/{villageId}/merge")
	String merge(@PathVariable long villageId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(required = false) @Nullable String left,
			@RequestParam(required = false) @Nullable String right, @AuthenticationPrincipal AccountPrincipal me,
			RedirectAttributes redirect) {
		VillageId village = VillageId.of(villageId);
		LocalDate monday = Weeks.mondayOf((day != null) ? day : LocalDate.now(clock));
		try {
			if (left == null || right == null || left.isBlank() || right.isBlank()) {
				throw new KeyedException("reconciliation.pair.twoItems");
			}
			if (!reconciliations.canDecide(village, monday, me)) {
				throw new org.springframework.security.access.AccessDeniedException("merge in village " + villageId);
			}
			reconciliations.merge(village, monday, Pair.of(ItemRef.parse(left), ItemRef.parse(right)), me,
					clock.instant());
			redirect.addFlashAttribute("messageKey", "reconciliation.merge.done");
		}
		catch (KeyedException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKey());
			redirect.addFlashAttribute("errorArgs", ex.arguments());
		}
		return "redirect:" + weekUrl(village, monday) + "#proposals";
	}

	/**
	 * "Is it one of these?": the village's open cases that look like the problem being
	 * recorded (a fragment for the intake form, loaded as one types) or like a case just
	 * received (on its page).
	 */
	@GetMapping("/similar")
	String similar(@RequestParam(required = false) @Nullable Long villageId,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(required = false) @Nullable String reference,
			@RequestParam(required = false) @Nullable Long followUp,
			@RequestParam(required = false) @Nullable String slot, @AuthenticationPrincipal AccountPrincipal me,
			Model model, Locale locale) {
		if (slot != null && slot.matches("[a-z0-9-]{1,40}")) {
			// several on one page (the officials' list preview): each its own id
			model.addAttribute("slot", slot);
		}
		java.util.List<Reconciliations.Similar> similar = java.util.List.of();
		if (villageId == null && me.has(Role.COMMITTEE)) {
			// the committee's own village (the officials' list import asks without one)
			villageId = Ids.value(me.villageId());
		}
		if (followUp != null && followUp > 0) {
			// a villager's follow-up in the committee's queue: its words against the
			// village's other open cases (the words stay on the server)
			FollowUp f = followUps.followUp(FollowUpId.of(followUp)).orElse(null);
			Case c = (f != null) ? cases.byId(f.caseId()).orElse(null) : null;
			if (f != null && c != null && f.text() != null
					&& caseAccess.permission(me, c, LocalDate.now(clock)).canRead()) {
				similar = reconciliations.similar(f.villageId(), c.category(), cut(f.text(), 2000), c.id(), me,
						clock.instant());
			}
		}
		else if (reference != null && !reference.isBlank()) {
			Case c = cases.byReference(reference.strip()).orElse(null);
			if (c != null && caseAccess.permission(me, c, LocalDate.now(clock)).canRead()) {
				similar = reconciliations.similar(c.villageId(), c.category(), join(c.title(), c.description()), c.id(),
						me, clock.instant());
			}
		}
		else if (villageId != null && villageId > 0 && title != null && !title.isBlank()) {
			String text = join(title.length() > 200 ? title.substring(0, 200) : title,
					(description != null && description.length() > 2000) ? description.substring(0, 2000)
							: description);
			similar = reconciliations.similar(VillageId.of(villageId), category, text, null, me, clock.instant());
		}
		model.addAttribute("similar", similar);
		model.addAttribute("say", texts.in(locale));
		return "reconciliation/similar :: similar";
	}

	private static String cut(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

	/**
	 * "May be the same as": the look-alikes kept for a case that arrived with nobody to
	 * ask (an Open311 request), with a link and a merge button each (a fragment for the
	 * committee's review).
	 */
	@GetMapping("/twins")
	String twins(@RequestParam(required = false) @Nullable String reference,
			@RequestParam(required = false) @Nullable String back, @AuthenticationPrincipal AccountPrincipal me,
			Model model, Locale locale) {
		java.util.List<Twins.Twin> found = java.util.List.of();
		boolean canMerge = false;
		if (reference != null && !reference.isBlank() && reference.length() <= 40) {
			Case c = cases.byReference(reference.strip()).orElse(null);
			if (c != null && caseAccess.permission(me, c, LocalDate.now(clock)).canRead()) {
				found = twins.of(c.reference(), me, clock.instant());
				canMerge = twins.canMerge(c, me, clock.instant());
			}
			model.addAttribute("reference", reference.strip());
		}
		model.addAttribute("twins", found);
		model.addAttribute("canMerge", canMerge);
		model.addAttribute("back", safeBack(back, "/bulletin/follow-ups"));
		model.addAttribute("say", texts.in(locale));
		return "reconciliation/twins :: twins";
	}

	@PostMapping("/twins/link")
	String linkTwin(@RequestParam(required = false) @Nullable String reference,
			@RequestParam(required = false) @Nullable String with,
			@RequestParam(required = false) @Nullable String back, @AuthenticationPrincipal AccountPrincipal me,
			RedirectAttributes redirect) {
		try {
			if (reference == null || with == null || reference.isBlank() || with.isBlank()) {
				throw new KeyedException("reconciliation.twin.unknown");
			}
			twins.link(reference.strip(), with.strip(), me, clock.instant());
			redirect.addFlashAttribute("messageKey", "reconciliation.twin.linked");
			redirect.addFlashAttribute("messageArgs", new Object[] { reference.strip(), with.strip() });
		}
		catch (KeyedException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKey());
			redirect.addFlashAttribute("errorArgs", ex.arguments());
		}
		return "redirect:" + safeBack(back, "/bulletin/follow-ups");
	}

	@PostMapping("/twins/merge")
	String mergeTwin(@RequestParam(required = false) @Nullable String reference,
			@RequestParam(required = false) @Nullable String into,
			@RequestParam(required = false) @Nullable String back, @AuthenticationPrincipal AccountPrincipal me,
			RedirectAttributes redirect) {
		try {
			if (reference == null || into == null || reference.isBlank() || into.isBlank()) {
				throw new KeyedException("reconciliation.twin.unknown");
			}
			twins.merge(reference.strip(), into.strip(), me, clock.instant());
			redirect.addFlashAttribute("messageKey", "reconciliation.twin.merged");
			redirect.addFlashAttribute("messageArgs", new Object[] { reference.strip(), into.strip() });
		}
		catch (KeyedException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKey());
			redirect.addFlashAttribute("errorArgs", ex.arguments());
		}
		return "redirect:" + safeBack(back, "/bulletin/follow-ups");
	}

	/** A page of this site to return to: a path, never another host. */
	static String safeBack(@Nullable String back, String otherwise) {
		if (back == null || back.length() > 300 || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
				|| back.chars().anyMatch((ch) -> ch < 0x20)) {
			return otherwise;
		}
		return back;
	}

	private static String join(String title, @Nullable String description) {
		return (description == null || description.isBlank()) ? title.strip()
				: title.strip() + "。" + description.strip();
	}

	private static Verdict parseVerdict(@Nullable String verdict) {
		if ("CONFIRMED".equals(verdict)) {
			return Verdict.CONFIRMED;
		}
		if ("REJECTED".equals(verdict)) {
			return Verdict.REJECTED;
		}
		throw new KeyedException("reconciliation.verdict.unknown");
	}

}
