package org.oneweek.casework.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.oneweek.casework.AssigneeKind;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseAccess.Operation;
import org.oneweek.casework.CaseAccess.Permission;
import org.oneweek.casework.CaseAccess.Standing;
import org.oneweek.casework.CaseAccess;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseEvent;
import org.oneweek.casework.CaseFunding;
import org.oneweek.casework.CaseLifecycle.Action;
import org.oneweek.casework.CaseLifecycle;
import org.oneweek.casework.CaseNotFoundException;
import org.oneweek.casework.CasePhoto;
import org.oneweek.casework.CasePhotos;
import org.oneweek.casework.CaseRuleException;
import org.oneweek.casework.Cases;
import org.oneweek.casework.PhotoId;
import org.oneweek.casework.Satisfaction;
import org.oneweek.casework.TimelineReceipts;
import org.oneweek.casework.Urgency;
import org.oneweek.casework.web.CaseForms.AssignForm;
import org.oneweek.casework.web.CaseForms.FundingForm;
import org.oneweek.casework.web.CaseForms.NoteForm;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Members;
import org.oneweek.people.Units;
import org.oneweek.places.Places;
import org.oneweek.places.Village;
import org.oneweek.roster.Term;
import org.oneweek.roster.Terms;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Working on a case: its page, its timeline and every action, each checked for this
 * person and this case on the server. Recording a new case is {@link IntakeController}'s.
 */
@Controller
@RequestMapping("/cases")
class CaseController {

	/** The longest reference number accepted in an address. */
	private static final String REF = "{reference:[A-Za-z]{2,6}-[0-9]{4}-[0-9]{1,9}}";

	private final Clock clock;

	private final Cases cases;

	private final CaseActions actions;

	private final CasePhotos photos;

	private final CaseFunding funding;

	private final CaseAccess access;

	private final Places places;

	private final Terms terms;

	private final Members members;

	private final Units units;

	private final CaseTexts texts;

	private final org.oneweek.places.VillageMaps maps;

	private final ObjectProvider<TimelineReceipts> receipts;

	CaseController(Clock clock, Cases cases, CaseActions actions, CasePhotos photos, CaseFunding funding,
			CaseAccess access, Places places, Terms terms, Members members, Units units, CaseTexts texts,
			org.oneweek.places.VillageMaps maps, ObjectProvider<TimelineReceipts> receipts) {
		this.maps = maps;
		this.receipts = receipts;
		this.clock = clock;
		this.cases = cases;
		this.actions = actions;
		this.photos = photos;
		this.funding = funding;
		this.access = access;
		this.places = places;
		this.terms = terms;
		this.members = members;
		this.units = units;
		this.texts = texts;
	}

	// ---- the case page --------------------------------------------------------------

	@GetMapping("/" + REF)
	String show(@PathVariable String reference, @AuthenticationPrincipal AccountPrincipal me, Model model,
			Locale locale) {
		Case c = readable(reference, me);
		Standing standing = access.standing(me, today());
		Permission permission = access.permission(standing, c);
		Village village = places.village(c.villageId()).orElseThrow();
		model.addAttribute("c", c);
		model.addAttribute("village", village);
		model.addAttribute("township", places.township(c.townshipId()).orElseThrow());
		model.addAttribute("category", cases.category(c.category()).map((cat) -> cat.name(locale)).orElse(""));
		model.addAttribute("permission", permission.name());
		model.addAttribute("overdue", c.isOverdue(clock.instant()));
		Set<Action> actions = CaseLifecycle.actions(c.state());
		actions.removeIf((action) -> !permission.allows(Operation.of(action)));
		model.addAttribute("actions", actions.stream().map(Action::name).toList());
		model.addAttribute("may", permission.operations().stream().map(Operation::name).toList());
		if (access.canSeeReporter(standing, c)) {
			model.addAttribute("reporter", cases.reporter(c.id()).orElse(null));
			model.addAttribute("mayOpenOriginals", true);
		}
		List<CaseEvent> events = cases.events(c.id());
		List<TimelineEntry> timeline = new ArrayList<>(events.stream()
			.map((e) -> new TimelineEntry(e, texts.actor(e, locale), texts.describe(e, locale)))
			.toList());
		java.util.Collections.reverse(timeline);
		model.addAttribute("timeline", timeline);
		model.addAttribute("receipts",
				receipts.getIfAvailable(() -> (id) -> TimelineReceipts.Receipts.NONE).of(c.id()));
		model.addAttribute("photos", cases.photos(c.id()));
		if (c.mergedIntoId() != null) {
			cases.byId(c.mergedIntoId()).ifPresent((into) -> model.addAttribute("mergedInto", into.reference()));
		}
		if (permission.allows(Operation.ASSIGN)) {
			Term term = terms.ofVillage(c.villageId(), today()).orElse(null);
			model.addAttribute("teamMembers", (term != null) ? members.members(term.memberIds()) : List.of());
			model.addAttribute("units", units.all());
			model.addAttribute("assigneeKinds", AssigneeKind.values());
			model.addAttribute("urgencies", Urgency.values());
			model.addAttribute("satisfactions", Satisfaction.values());
			terms.dutyOfTownship(c.townshipId(), today())
				.flatMap((duty) -> members.member(duty.memberId()))
				.ifPresent((m) -> model.addAttribute("troubleshooter", m));
		}
		model.addAttribute("phases", CasePhoto.Phase.values());
		model.addAttribute("villageMap", maps.villageInStreet(c.villageId(), null, village.name()));
		return "casework/showCase";
	}

	/** One line of the timeline, in words. */
	record TimelineEntry(CaseEvent event, String actor, String text) {

	}

	@GetMapping("/" + REF + "/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable String reference, @PathVariable("photoId") long photo,
			@RequestParam(defaultValue = "false") boolean original, @AuthenticationPrincipal AccountPrincipal me) {
		Case c = readable(reference, me);
		if (original && !access.canSeeReporter(access.standing(me, today()), c)) {
			throw new org.springframework.security.access.AccessDeniedException("original photo");
		}
		PhotoId photoId = PhotoId.of(photo);
		CasePhoto found = cases.photos(c.id())
			.stream()
			.filter((p) -> p.id().equals(photoId))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		byte[] content = cases.photoContent(c.id(), photoId, original)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(found.contentType()))
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

	// ---- actions --------------------------------------------------------------------

	@PostMapping("/" + REF + "/assign")
	String assign(@PathVariable String reference, @Valid @ModelAttribute AssignForm form, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect, Locale locale) {
		return act(reference, result, redirect, locale, "case.done.ASSIGN",
				() -> actions.assign(reference, form.toCommand(), me, clock.instant()));
	}

	@PostMapping("/" + REF + "/start")
	String start(@PathVariable String reference, @RequestParam(required = false) @Nullable String note,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect, Locale locale) {
		return act(reference, null, redirect, locale, "case.done.START",
				() -> actions.start(reference, limit(note), me, clock.instant()));
	}

	@PostMapping("/" + REF + "/note")
	String note(@PathVariable String reference, @Valid @ModelAttribute NoteForm form, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect, Locale locale) {
		return act(reference, result, redirect, locale, "case.done.NOTE",
				() -> actions.note(reference, form.toNote(), me, clock.instant()));
	}

	@PostMapping("/" + REF + "/resolve")
	String resolve(@PathVariable String reference, @Valid @ModelAttribute NoteForm form, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect, Locale locale) {
		return act(reference, result, redirect, locale, "case.done.RESOLVE",
				() -> actions.resolve(reference, form.toResolution(), me, clock.instant()));
	}

	@PostMapping("/" + REF + "/close")
	String close(@PathVariable String reference, @Valid @ModelAttribute NoteForm form, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect, Locale locale) {
		return act(reference, result, redirect, locale, "case.done.CLOSE",
				() -> actions.close(reference, form.toCallback(), me, clock.instant()));
	}

	@PostMapping("/" + REF + "/reopen")
	String reopen(@PathVariable String reference, @RequestParam(required = false) @Nullable String reason,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect, Locale locale) {
		return act(reference, null, redirect, locale, "case.done.REOPEN",
				() -> actions.reopen(reference, limit(reason), me, clock.instant()));
	}

	@PostMapping("/" + REF + "/decline")
	String decline(@PathVariable String reference, @RequestParam(required = false) @Nullable String reason,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect, Locale locale) {
		return act(reference, null, redirect, locale, "case.done.DECLINE",
				() -> actions.decline(reference, limit(reason), me, clock.instant()));
	}

	@PostMapping("/" + REF + "/merge")
	String merge(@PathVariable String reference, @RequestParam(defaultValue = "") String into,
			@RequestParam(required = false) @Nullable String reason, @AuthenticationPrincipal AccountPrincipal me,
			RedirectAttributes redirect, Locale locale) {
		return act(reference, null, redirect, locale, "case.done.MERGE",
				() -> actions.merge(reference, into, limit(reason), me, clock.instant()));
	}

	@PostMapping("/" + REF + "/photos")
	String addPhoto(@PathVariable String reference, @RequestParam(defaultValue = "BEFORE") CasePhoto.Phase phase,
			@RequestParam(name = "photo", required = false) @Nullable MultipartFile photo,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect, Locale locale)
			throws IOException {
		byte[] content = (photo != null) ? photo.getBytes() : new byte[0];
		return act(reference, null, redirect, locale, "case.done.PHOTO",
				() -> photos.add(reference, phase, content, me, clock.instant()));
	}

	@PostMapping("/" + REF + "/funding/request")
	String requestFunding(@PathVariable String reference, @Valid @ModelAttribute FundingForm form, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect, Locale locale) {
		return act(reference, result, redirect, locale, "case.done.FUNDING",
				() -> funding.request(reference, form.toRequest(), me, clock.instant()));
	}

	@PostMapping("/" + REF + "/funding/approve")
	String approveFunding(@PathVariable String reference, @Valid @ModelAttribute FundingForm form, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect, Locale locale) {
		return act(reference, result, redirect, locale, "case.done.FUNDING",
				() -> funding.approve(reference, form.toApproval(), me, clock.instant()));
	}

	private String act(String reference, @Nullable BindingResult result, RedirectAttributes redirect, Locale locale,
			String done, Runnable action) {
		String target = "redirect:/cases/" + reference.toUpperCase(Locale.ROOT);
		if (result != null && result.hasErrors()) {
			FieldError error = result.getFieldError();
			redirect.addFlashAttribute("errorKey", "case.form.invalid");
			redirect.addFlashAttribute("errorArgs",
					new Object[] { (error != null) ? error.getDefaultMessage() : texts.msg("error.400.text", locale) });
			return target;
		}
		try {
			action.run();
			redirect.addFlashAttribute("messageKey", done);
		}
		catch (CaseRuleException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKey());
			redirect.addFlashAttribute("errorArgs", texts.refusalArgs(ex, locale));
		}
		return target;
	}

	private Case readable(String reference, AccountPrincipal me) {
		Case c = cases.byReference(reference).orElseThrow(() -> new CaseNotFoundException(reference));
		if (!access.permission(me, c, today()).canRead()) {
			throw new org.springframework.security.access.AccessDeniedException("case " + reference);
		}
		return c;
	}

	private static @Nullable String limit(@Nullable String text) {
		return (text != null && text.length() > 2000) ? text.substring(0, 2000) : text;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

}
