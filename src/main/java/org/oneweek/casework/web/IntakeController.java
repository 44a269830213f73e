package org.oneweek.casework.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseAccess.Standing;
import org.oneweek.casework.CaseAccess;
import org.oneweek.casework.CaseAccessDeniedException;
import org.oneweek.casework.CaseCategory;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CasePhotos;
import org.oneweek.casework.CaseRuleException;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.CaseType;
import org.oneweek.casework.Cases;
import org.oneweek.casework.Urgency;
import org.oneweek.casework.internal.PhotoSanitizer;
import org.oneweek.casework.web.IntakeForm;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Member;
import org.oneweek.people.Members;
import org.oneweek.people.Role;
import org.oneweek.places.Places;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.roster.Terms;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recording problems as they are heard (at the morning meeting, on a walk, on the phone):
 * one at a time, each answered at once with its reference number for the villager's slip.
 */
@Controller
@RequestMapping("/cases")
class IntakeController {

	private final Clock clock;

	private final Cases cases;

	private final CaseIntake intake;

	private final CasePhotos photos;

	private final CaseAccess access;

	private final Places places;

	private final Terms terms;

	private final Members members;

	private final CaseTexts texts;

	private final MessageSource messages;

	IntakeController(Clock clock, Cases cases, CaseIntake intake, CasePhotos photos, CaseAccess access, Places places,
			Terms terms, Members members, CaseTexts texts, MessageSource messages) {
		this.clock = clock;
		this.cases = cases;
		this.intake = intake;
		this.photos = photos;
		this.access = access;
		this.places = places;
		this.terms = terms;
		this.members = members;
		this.texts = texts;
		this.messages = messages;
	}

	@GetMapping("/new")
	String newCase(@RequestParam(required = false) @Nullable Long villageId,
			@RequestParam(required = false) @Nullable CaseSource source,
			@RequestParam(required = false) @Nullable Long meetingId, @AuthenticationPrincipal AccountPrincipal me,
			Model model) {
		Standing standing = access.standing(me, today());
		List<Village> villages = recordableVillages(standing);
		if (villages.isEmpty()) {
			throw new org.springframework.security.access.AccessDeniedException("no village to record in");
		}
		IntakeForm form = new IntakeForm();
		form.setVillageId(villages.stream()
			.map((v) -> v.id().value())
			.filter((id) -> id.equals(villageId))
			.findFirst()
			.orElse(villages.get(0).id().value()));
		form.setSource((source != null) ? source : (me.has(Role.COMMITTEE) && !me.has(Role.ORG_ADMIN))
				? CaseSource.OFFICIALS_LIST : CaseSource.MORNING_MEETING);
		form.setIdempotencyKey(UUID.randomUUID().toString());
		// from a morning meeting's page: the problems recorded join that meeting
		form.setMeetingId((meetingId != null && meetingId > 0) ? meetingId : null);
		return intakeForm(form, villages, me, model);
	}

	@PostMapping("/new")
	String record(@Valid @ModelAttribute("form") IntakeForm form, BindingResult result,
			@RequestParam(name = "photo", required = false) @Nullable MultipartFile photo,
			@AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect, Locale locale)
			throws IOException {
		Standing standing = access.standing(me, today());
		List<Village> villages = recordableVillages(standing);
		if (villages.isEmpty()) {
			throw new org.springframework.security.access.AccessDeniedException("no village to record in");
		}
		byte[] photoBytes = (photo != null && !photo.isEmpty()) ? photo.getBytes() : null;
		if (photoBytes != null) {
			try {
				PhotoSanitizer.clean(photoBytes);
			}
			catch (CaseRuleException ex) {
				model.addAttribute("photoError", texts.refusal(ex, locale));
				result.reject(ex.messageKey(), ex.arguments(), ex.messageKey());
			}
		}
		if (form.getCategory() != null && cases.category(form.getCategory()).isEmpty()) {
			result.rejectValue("category", "case.category.unknown");
		}
		if (result.hasErrors()) {
			return intakeForm(form, villages, me, model);
		}
		Instant now = clock.instant();
		try {
			CaseIntake.Recorded recorded = intake.record(form.toCommand(), blankToNull(form.getReservedReference()), me,
					now);
			if (photoBytes != null && !recorded.repeated()) {
				photos.addAtIntake(recorded.id(), photoBytes, me, now);
			}
			redirect.addFlashAttribute("recordedReference", recorded.reference());
			return "redirect:/cases/new?villageId=" + form.getVillageId() + "&source=" + form.getSource()
					+ ((form.getMeetingId() != null) ? "&meetingId=" + form.getMeetingId() : "");
		}
		catch (CaseRuleException ex) {
			result.reject(ex.messageKey(), ex.arguments(), ex.messageKey());
			model.addAttribute("errorKey", ex.messageKey());
			return intakeForm(form, villages, me, model);
		}
	}

	/**
	 * Reference numbers for this phone, reserved while it has signal so that a problem
	 * recorded without one still gets its number on the villager's slip.
	 */
	@PostMapping(path = "/references", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> reserve(@RequestParam(required = false) @Nullable Long villageId,
			@AuthenticationPrincipal AccountPrincipal me) {
		VillageId village = Ids.given(villageId, VillageId::of)
			.orElseThrow(() -> new CaseRuleException("case.village.unknown"));
		return Map.of("references", intake.reserve(village, me, clock.instant()));
	}

	/**
	 * An entry the phone kept while it had no signal, sent now: the intake form's fields
	 * (its idempotency key made on the phone, and the number it gave the villager) and a
	 * photo. Answers in JSON: the case's number, or what was wrong in the person's words
	 * (422), so that the phone can show a refused entry with its reason. Sent twice, it
	 * records one case with one photo.
	 */
	@PostMapping(path = "/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> recordFromOutbox(@Valid @ModelAttribute("form") IntakeForm form,
			BindingResult result, @RequestParam(name = "photo", required = false) @Nullable MultipartFile photo,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale) throws IOException {
		List<String> errors = new ArrayList<>();
		byte[] photoBytes = (photo != null && !photo.isEmpty()) ? photo.getBytes() : null;
		if (photoBytes != null) {
			try {
				PhotoSanitizer.clean(photoBytes);
			}
			catch (CaseRuleException ex) {
				errors.add(texts.refusal(ex, locale));
			}
		}
		if (form.getCategory() != null && cases.category(form.getCategory()).isEmpty()) {
			errors.add(messages.getMessage("case.category.unknown", null, locale));
		}
		for (org.springframework.validation.FieldError error : result.getFieldErrors()) {
			errors.add(messages.getMessage(error, locale));
		}
		if (form.getIdempotencyKey() == null || form.getIdempotencyKey().isBlank()) {
			errors.add(messages.getMessage("case.outbox.noKey", null, locale));
		}
		if (!errors.isEmpty()) {
			return ResponseEntity.unprocessableContent().body(Map.of("errors", errors));
		}
		Instant now = clock.instant();
		try {
			CaseIntake.Recorded recorded = intake.record(form.toCommand(), blankToNull(form.getReservedReference()), me,
					now);
			if (photoBytes != null && !recorded.repeated()) {
				photos.addAtIntake(recorded.id(), photoBytes, me, now);
			}
			return ResponseEntity.ok(Map.of("reference", recorded.reference(), "repeated", recorded.repeated()));
		}
		catch (CaseRuleException ex) {
			return ResponseEntity.unprocessableContent().body(Map.of("errors", List.of(texts.refusal(ex, locale))));
		}
		catch (CaseAccessDeniedException ex) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("errors", List.of(messages.getMessage("case.outbox.forbidden", null, locale))));
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private String intakeForm(IntakeForm form, List<Village> villages, AccountPrincipal me, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("villages", villages);
		model.addAttribute("categories", cases.categories().stream().filter(CaseCategory::active).toList());
		model.addAttribute("types", CaseType.values());
		model.addAttribute("urgencies", Urgency.values());
		// Open311 is for other systems, not a choice on the form
		model.addAttribute("sources",
				java.util.Arrays.stream(CaseSource.values()).filter((s) -> s != CaseSource.OPEN311).toList());
		LocalDate today = today();
		Ids.given(form.getVillageId(), VillageId::of)
			.flatMap((village) -> terms.ofVillage(village, today))
			.ifPresent((term) -> model.addAttribute("teamNames",
					String.join("、", members.members(term.memberIds()).stream().map(Member::name).toList())));
		Instant startOfDay = today.atStartOfDay(clock.getZone()).toInstant();
		model.addAttribute("recordedToday", cases.recordedSince(me.accountId(), startOfDay));
		return "casework/recordCase";
	}

	/** The villages where the person may record a case today. */
	List<Village> recordableVillages(Standing standing) {
		AccountPrincipal me = standing.me();
		if (me.has(Role.ORG_ADMIN)) {
			return places.villages().stream().filter(Village::active).toList();
		}
		Set<Village> villages = new LinkedHashSet<>();
		if (standing.term() != null) {
			places.village(standing.term().villageId()).ifPresent(villages::add);
		}
		if (standing.duty() != null) {
			villages.addAll(places.villagesOf(standing.duty().townshipId()));
		}
		if (me.has(Role.COMMITTEE) && me.villageId() != null) {
			places.village(me.villageId()).ifPresent(villages::add);
		}
		return new ArrayList<>(villages);
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

}
