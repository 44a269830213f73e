package org.oneweek.bulletin.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.oneweek.bulletin.BoardSettings;
import org.oneweek.bulletin.Enlistment;
import org.oneweek.bulletin.Enlistments;
import org.oneweek.bulletin.FollowUp;
import org.oneweek.bulletin.FollowUpId;
import org.oneweek.bulletin.FollowUps;
import org.oneweek.bulletin.web.BulletinForms.DutyPhoneForm;
import org.oneweek.bulletin.web.BulletinForms.EnlistForm;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseAccess;
import org.oneweek.casework.CaseAccessDeniedException;
import org.oneweek.casework.CaseCategory;
import org.oneweek.casework.CaseId;
import org.oneweek.bulletin.internal.Open311Records;
import org.oneweek.casework.CaseRuleException;
import org.oneweek.casework.Cases;
import org.oneweek.casework.PublicCases;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Role;
import org.oneweek.places.Places;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.platform.Weeks;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The village committee's side of the board (the team serving this week and the
 * organization department may use it too): the queue of villagers' follow-ups with what
 * to do next, and tasks for villagers.
 */
@Controller
@RequestMapping("/bulletin")
class CommitteeController {

	private final FollowUps followUps;

	private final Enlistments enlistments;

	private final BoardSettings settings;

	private final PublicCases cases;

	private final Cases ledger;

	private final CaseAccess access;

	private final Places places;

	private final MessageSource messages;

	private final Clock clock;

	private final Open311Records open311;

	CommitteeController(FollowUps followUps, Enlistments enlistments, BoardSettings settings, PublicCases cases,
			Cases ledger, CaseAccess access, Places places, MessageSource messages, Clock clock,
			Open311Records open311) {
		this.open311 = open311;
		this.followUps = followUps;
		this.enlistments = enlistments;
		this.settings = settings;
		this.cases = cases;
		this.ledger = ledger;
		this.access = access;
		this.places = places;
		this.messages = messages;
		this.clock = clock;
	}

	/** One follow-up in the queue, with the case as it stands now. */
	record QueueItem(FollowUp followUp, @Nullable Case c, FollowUp.NextAction next) {

	}

	@GetMapping("/follow-ups")
	String queue(@RequestParam(required = false) @Nullable Long villageId, @AuthenticationPrincipal AccountPrincipal me,
			Model model) {
		Village village = villageFor(me, Ids.nullable(villageId, VillageId::of));
		List<QueueItem> items = new ArrayList<>();
		for (FollowUp f : followUps.queue(village.id())) {
			Case c = cases.byReference(f.reference()).orElse(null);
			items.add(new QueueItem(f, c, (c != null) ? f.nextAction(c.state()) : FollowUp.NextAction.NONE));
		}
		model.addAttribute("village", village);
		model.addAttribute("items", items);
		model.addAttribute("waiting",
				items.stream().filter((i) -> i.followUp().state() != FollowUp.State.HANDLED).count());
		model.addAttribute("villages", choosableVillages(me));
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("awaiting", open311.awaiting(village.id()));
		return "bulletin/listFollowUps";
	}

	/**
	 * One action: an Open311 request's own words (as proposed, or as corrected here)
	 * become its public title.
	 */
	@PostMapping("/open311/{reference}/publish")
	String publish(@PathVariable String reference, @RequestParam(required = false) @Nullable String title,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		Open311Records.Request r = open311.request(reference)
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND));
		if (!mayUse(me, r.villageId())) {
			throw new AccessDeniedException("village " + r.villageId());
		}
		try {
			open311.publish(r.reference(), title, me, clock.instant());
			redirect.addFlashAttribute("messageKey", "bulletin.open311.published");
		}
		catch (CaseRuleException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKey());
		}
		return "redirect:/bulletin/follow-ups?villageId=" + r.villageId();
	}

	@PostMapping("/follow-ups/{id}/called-back")
	String calledBack(@PathVariable long id, @RequestParam(required = false) @Nullable String note,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		FollowUp f = ownFollowUp(id, me);
		followUps.calledBack(f.id(), note, me.displayName(), clock.instant());
		redirect.addFlashAttribute("messageKey", "bulletin.queue.calledBack.done");
		return "redirect:/bulletin/follow-ups?villageId=" + f.villageId();
	}

	@PostMapping("/follow-ups/{id}/handled")
	String handled(@PathVariable long id, @RequestParam(required = false) @Nullable String note,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		FollowUp f = ownFollowUp(id, me);
		followUps.handled(f.id(), note, me.displayName(), clock.instant());
		redirect.addFlashAttribute("messageKey", "bulletin.queue.handled.done");
		return "redirect:/bulletin/follow-ups?villageId=" + f.villageId();
	}

	private FollowUp ownFollowUp(long id, AccountPrincipal me) {
		FollowUp f = followUps.followUp(FollowUpId.of(id))
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND));
		villageFor(me, f.villageId());
		if (!mayUse(me, f.villageId())) {
			throw new AccessDeniedException("follow-up " + id);
		}
		return f;
	}

	// ---- tasks for villagers --------------------------------------------------------

	@GetMapping("/tasks")
	String tasks(@RequestParam(required = false) @Nullable Long villageId, @AuthenticationPrincipal AccountPrincipal me,
			Model model, Locale locale) {
		Village village = villageFor(me, Ids.nullable(villageId, VillageId::of));
		return tasksPage(village, me, new EnlistForm(), null, model, locale);
	}

	private String tasksPage(Village village, AccountPrincipal me, EnlistForm form, @Nullable String formReference,
			Model model, Locale locale) {
		LocalDate today = LocalDate.now(clock);
		List<Case> open = cases.board(village.id(), Weeks.mondayOf(today).atStartOfDay(clock.getZone()).toInstant())
			.stream()
			.filter(Case::isOpen)
			.toList();
		Map<CaseId, List<Enlistment>> enlisted = enlistments.activeOf(open.stream().map(Case::id).toList());
		Map<String, String> categories = new HashMap<>();
		ledger.categories().forEach((c) -> categories.put(c.code(), c.name(locale)));
		model.addAttribute("village", village);
		model.addAttribute("openCases", open);
		model.addAttribute("enlisted", enlisted);
		model.addAttribute("categories", categories);
		model.addAttribute("history", enlistments.ofVillage(village.id()));
		model.addAttribute("form", form);
		model.addAttribute("formReference", formReference);
		model.addAttribute("kinds", Enlistment.Kind.values());
		model.addAttribute("dutyPhone", settings.dutyPhone(village.id()).orElse(null));
		model.addAttribute("villages", choosableVillages(me));
		model.addAttribute("zone", clock.getZone());
		return "bulletin/listTasks";
	}

	@PostMapping("/tasks/{reference}/enlist")
	String enlist(@PathVariable String reference, @Valid @ModelAttribute("form") EnlistForm form, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect, Locale locale) {
		Case c = cases.byReference(reference)
			.orElseThrow(() -> new org.oneweek.casework.CaseNotFoundException(reference));
		Village village = villageFor(me, c.villageId());
		if (result.hasErrors()) {
			model.addAttribute("errorKey", "bulletin.enlist.invalid");
			return tasksPage(village, me, form, c.reference(), model, locale);
		}
		try {
			enlistments.enlist(c.reference(), form.toCommand(), me, clock.instant());
		}
		catch (CaseAccessDeniedException ex) {
			throw new AccessDeniedException(reference);
		}
		catch (CaseRuleException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKey());
			redirect.addFlashAttribute("errorArgs", refusalArgs(ex, locale));
			return "redirect:/bulletin/tasks?villageId=" + village.id();
		}
		redirect.addFlashAttribute("messageKey", "bulletin.enlist.done");
		redirect.addFlashAttribute("messageArgs", new Object[] { c.reference() });
		return "redirect:/bulletin/tasks?villageId=" + village.id();
	}

	@PostMapping("/tasks/enlistments/{id}/end")
	String end(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		Enlistment enlistment = enlistments.enlistment(id)
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND));
		villageFor(me, enlistment.villageId());
		try {
			enlistments.end(id, me, clock.instant());
		}
		catch (CaseAccessDeniedException ex) {
			throw new AccessDeniedException("enlistment " + id);
		}
		redirect.addFlashAttribute("messageKey", "bulletin.enlist.ended");
		return "redirect:/bulletin/tasks?villageId=" + enlistment.villageId();
	}

	@PostMapping("/board/duty-phone")
	String dutyPhone(@RequestParam long villageId, @Valid @ModelAttribute DutyPhoneForm form, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		Village village = villageFor(me, VillageId.of(villageId));
		if (result.hasErrors()) {
			redirect.addFlashAttribute("errorKey", "validation.phone");
		}
		else {
			settings.setDutyPhone(village.id(), form.getPhone(), me.displayName(), clock.instant());
			redirect.addFlashAttribute("messageKey", "bulletin.dutyPhone.saved");
		}
		return "redirect:/bulletin/tasks?villageId=" + village.id();
	}

	private Object[] refusalArgs(CaseRuleException ex, Locale locale) {
		Object[] args = ex.arguments();
		for (int i = 0; i < args.length; i++) {
			if (args[i] instanceof org.oneweek.casework.CaseState state) {
				args[i] = messages.getMessage("case.state." + state.name(), null, state.name(), locale);
			}
		}
		return args;
	}

	// ---- who may use which village's queue ------------------------------------------

	/**
	 * The village whose queue the person opens: the committee's own, the village of the
	 * secretary's term this week, or any for the organization department.
	 */
	private Village villageFor(AccountPrincipal me, @Nullable VillageId requested) {
		List<Village> mine = choosableVillages(me);
		if (mine.isEmpty()) {
			throw new AccessDeniedException("no village");
		}
		if (requested == null) {
			return mine.get(0);
		}
		if (!mayUse(me, requested)) {
			throw new AccessDeniedException("village " + requested);
		}
		return places.village(requested).orElseThrow(() -> new AccessDeniedException("village " + requested));
	}

	private boolean mayUse(AccountPrincipal me, VillageId villageId) {
		if (me.has(Role.ORG_ADMIN)) {
			return true;
		}
		return choosableVillages(me).stream().anyMatch((v) -> v.id().equals(villageId));
	}

	private List<Village> choosableVillages(AccountPrincipal me) {
		if (me.has(Role.ORG_ADMIN)) {
			return places.villages().stream().filter(Village::active).toList();
		}
		List<Village> villages = new ArrayList<>();
		VillageId committee = me.villageId();
		if (me.has(Role.COMMITTEE) && committee != null) {
			places.village(committee).ifPresent(villages::add);
		}
		CaseAccess.Standing standing = access.standing(me, LocalDate.now(clock));
		if (standing.term() != null && villages.stream().noneMatch((v) -> v.id().equals(standing.term().villageId()))) {
			places.village(standing.term().villageId()).ifPresent(villages::add);
		}
		return villages;
	}

	static String categoryName(@Nullable CaseCategory category, Locale locale) {
		return (category != null) ? category.name(locale) : "";
	}

}
