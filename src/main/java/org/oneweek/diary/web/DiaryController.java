package org.oneweek.diary.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.oneweek.platform.KeyedException;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.Cases;
import org.oneweek.diary.DiaryAccess;
import org.oneweek.diary.DiaryAccessDeniedException;
import org.oneweek.diary.DiaryDay;
import org.oneweek.diary.DiaryEntry;
import org.oneweek.diary.DiaryNotFoundException;
import org.oneweek.diary.DiaryRuleException;
import org.oneweek.diary.Diaries;
import org.oneweek.diary.Inspection;
import org.oneweek.diary.Inspections;
import org.oneweek.diary.MorningMeeting;
import org.oneweek.diary.MorningMeetings;
import org.oneweek.diary.web.DiaryForms.DiaryForm;
import org.oneweek.diary.internal.TermLookup;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.MemberId;
import org.oneweek.people.Role;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.roster.Term;
import org.oneweek.roster.TermId;
import org.oneweek.roster.Terms;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The diary on a phone: the secretary's own diary of a day (saved as they type, and with
 * the button when JavaScript is off), dated amendments once it has closed, and the
 * diaries of a term or a village for those entitled to read them.
 */
@Controller
@RequestMapping("/diary")
class DiaryController {

	private final Clock clock;

	private final Diaries diaries;

	private final DiaryAccess access;

	private final MorningMeetings meetings;

	private final Inspections inspections;

	private final Terms terms;

	private final TermLookup lookup;

	private final Names names;

	private final MessageSource messages;

	private final Cases cases;

	DiaryController(Clock clock, Diaries diaries, DiaryAccess access, MorningMeetings meetings, Inspections inspections,
			Terms terms, TermLookup lookup, Names names, MessageSource messages, Cases cases) {
		this.cases = cases;
		this.clock = clock;
		this.diaries = diaries;
		this.access = access;
		this.meetings = meetings;
		this.inspections = inspections;
		this.terms = terms;
		this.lookup = lookup;
		this.names = names;
		this.messages = messages;
	}

	// ---- my diary -------------------------------------------------------------------

	@GetMapping
	String index(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		MemberId memberId = me.memberId();
		boolean secretary = memberId != null && me.has(Role.SECRETARY);
		if (!secretary && !me.has(Role.ORG_ADMIN)) {
			throw new DiaryAccessDeniedException("diaries");
		}
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("today", today);
		if (secretary) {
			Term current = terms.ofMember(memberId, today).orElse(null);
			if (current != null) {
				model.addAttribute("current", current);
				model.addAttribute("village", names.village(current.villageId()));
				model.addAttribute("team", names.team(current));
				model.addAttribute("statuses", diaries.statuses(current, clock.instant()).get(memberId));
				model.addAttribute("meetings", meetings.ofTerm(current.id()));
				model.addAttribute("inspections", inspections.ofTerm(current.id()));
			}
			List<TermLine> others = new ArrayList<>();
			for (Term term : terms.allOfMember(memberId)) {
				if (current == null || !term.id().equals(current.id())) {
					others.add(new TermLine(term, names.villageName(term.villageId()), names.teamNames(term)));
				}
			}
			model.addAttribute("otherTerms", others);
		}
		if (me.has(Role.ORG_ADMIN)) {
			model.addAttribute("villages", names.villages());
		}
		return "diary/showDiaries";
	}

	/** A term in a list: its village and team by name. */
	record TermLine(Term term, String villageName, String teamNames) {

	}

	@GetMapping("/{day}")
	String day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		DiaryDay diary = diaries.own(me, day, clock.instant());
		DiaryForm form = (diary.entry() != null) ? DiaryForm.of(diary.entry()) : prefilled(diary);
		return writePage(diary, form, me, model);
	}

	/** A new diary starts with where the day's meetings and inspections took place. */
	private static DiaryForm prefilled(DiaryDay diary) {
		DiaryForm form = new DiaryForm();
		Set<String> places = new LinkedHashSet<>();
		diary.meetings().stream().filter((m) -> m.memberIds().contains(diary.memberId())).forEach((m) -> {
			places.add(m.place());
		});
		diary.inspections().stream().filter((i) -> i.memberIds().contains(diary.memberId())).forEach((i) -> {
			places.add(i.route());
		});
		if (!places.isEmpty()) {
			form.setPlaces(String.join("；", places));
		}
		return form;
	}

	private String writePage(DiaryDay diary, DiaryForm form, AccountPrincipal me, Model model) {
		model.addAttribute("d", diary);
		model.addAttribute("form", form);
		model.addAttribute("author", true);
		model.addAttribute("authorName", me.displayName());
		model.addAttribute("village", names.village(diary.term().villageId()));
		model.addAttribute("memberNames", names.of(diary.term().memberIds()));
		model.addAttribute("version", version(diary.entry()));
		return "diary/writeDiary";
	}

	private static long version(@Nullable DiaryEntry entry) {
		return (entry != null) ? entry.updatedAt().toEpochMilli() : 0;
	}

	@PostMapping("/{day}")
	String save(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@Valid @ModelAttribute("form") DiaryForm form, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
		Instant now = clock.instant();
		if (result.hasErrors()) {
			return writePage(diaries.own(me, day, now), form, me, model);
		}
		return act(day, redirect, "diary.saved", () -> diaries.save(me, day, form.toCommand(), now));
	}

	/**
	 * Saves as the person types (the page's script posts every few seconds and when a
	 * field is left). Answers in a few words for the page to show.
	 */
	@PostMapping(path = "/{day}/draft")
	ResponseEntity<String> draft(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@Valid @ModelAttribute("form") DiaryForm form, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale) {
		if (result.hasErrors()) {
			FieldError error = result.getFieldError();
			String why = (error != null) ? Objects.toString(error.getDefaultMessage(), "") : "";
			return text(HttpStatus.UNPROCESSABLE_CONTENT, msg("diary.draft.invalid", locale, why), null);
		}
		try {
			DiaryEntry entry = diaries.save(me, day, form.toCommand(), clock.instant());
			String time = entry.updatedAt().atZone(clock.getZone()).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
			return text(HttpStatus.OK, msg("diary.draft.saved", locale, time), version(entry));
		}
		catch (DiaryRuleException ex) {
			return text(HttpStatus.UNPROCESSABLE_CONTENT, msg(ex.messageKey(), locale, ex.arguments()), null);
		}
	}

	private static ResponseEntity<String> text(HttpStatus status, String text, @Nullable Long version) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
			.header("Cache-Control", "no-store");
		if (version != null) {
			response.header("X-Diary-Version", String.valueOf(version));
		}
		return response.body(text);
	}

	/** Adds a case (by number, or one of the day's) after saving what is written. */
	@PostMapping("/{day}/cases")
	String addCase(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@Valid @ModelAttribute("form") DiaryForm form, BindingResult result,
			@RequestParam(required = false) @Nullable String reference,
			@RequestParam(required = false) @Nullable Long caseId, @AuthenticationPrincipal AccountPrincipal me,
			Model model, RedirectAttributes redirect) {
		Instant now = clock.instant();
		if (result.hasErrors()) {
			return writePage(diaries.own(me, day, now), form, me, model);
		}
		return act(day, redirect, "diary.case.added", () -> {
			diaries.save(me, day, form.toCommand(), now);
			String ref = (caseId != null)
					? Ids.given(caseId, CaseId::of).flatMap(cases::byId).map(Case::reference).orElse("") : reference;
			diaries.addCase(me, day, (ref != null) ? ref : "", now);
		});
	}

	@PostMapping("/{day}/cases/remove")
	String removeCase(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@Valid @ModelAttribute("form") DiaryForm form, BindingResult result, @RequestParam long caseId,
			@AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
		Instant now = clock.instant();
		if (result.hasErrors()) {
			return writePage(diaries.own(me, day, now), form, me, model);
		}
		return act(day, redirect, "diary.case.removed", () -> {
			diaries.save(me, day, form.toCommand(), now);
			Ids.given(caseId, CaseId::of).ifPresent((id) -> diaries.removeCase(me, day, id, now));
		});
	}

	@PostMapping("/{day}/amendments")
	String amend(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) @Nullable String text, @AuthenticationPrincipal AccountPrincipal me,
			RedirectAttributes redirect) {
		return act(day, redirect, "diary.amend.done", () -> diaries.amend(me, day, text, clock.instant()));
	}

	private String act(LocalDate day, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("messageKey", done);
		}
		catch (KeyedException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKey());
			redirect.addFlashAttribute("errorArgs", ex.arguments());
		}
		return "redirect:/diary/" + day;
	}

	// ---- reading others' ------------------------------------------------------------

	@GetMapping("/members/{memberId}/days/{day}")
	String read(@PathVariable("memberId") long member,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		MemberId memberId = MemberId.of(member);
		if (memberId.equals(me.memberId()) && me.has(Role.SECRETARY)) {
			return "redirect:/diary/" + day;
		}
		DiaryDay diary = diaries.read(me, memberId, day, clock.instant());
		model.addAttribute("d", diary);
		model.addAttribute("author", false);
		model.addAttribute("authorName", names.of(List.of(memberId)).getOrDefault(memberId, ""));
		model.addAttribute("village", names.village(diary.term().villageId()));
		model.addAttribute("memberNames", names.of(diary.term().memberIds()));
		return "diary/showDiary";
	}

	@GetMapping("/terms/{termId}")
	String term(@PathVariable("termId") long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		TermId termId = TermId.of(id);
		Term term = lookup.term(termId).orElseThrow(() -> new DiaryNotFoundException("term"));
		if (!access.canRead(me, term)) {
			throw new DiaryAccessDeniedException("term " + termId);
		}
		Instant now = clock.instant();
		List<MorningMeeting> termMeetings = meetings.ofTerm(termId);
		List<Inspection> termInspections = inspections.ofTerm(termId);
		model.addAttribute("term", term);
		model.addAttribute("village", names.village(term.villageId()));
		model.addAttribute("team", names.team(term));
		model.addAttribute("statuses", diaries.statuses(term, now));
		model.addAttribute("meetings", termMeetings);
		model.addAttribute("inspections", termInspections);
		model.addAttribute("onTeam", access.onTeam(me, term));
		model.addAttribute("me", me);
		return "diary/showTerm";
	}

	@GetMapping("/villages/{villageId}")
	String village(@PathVariable("villageId") long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		VillageId villageId = VillageId.of(id);
		List<Term> all = terms.allOfVillage(villageId);
		boolean committee = me.has(Role.COMMITTEE) && villageId.equals(me.villageId());
		List<VillageTerm> lines = new ArrayList<>();
		for (Term term : all) {
			boolean diariesReadable = access.canRead(me, term);
			boolean reportReadable = access.canReadReport(me, term);
			if (diariesReadable || reportReadable) {
				lines.add(new VillageTerm(term, names.teamNames(term), diariesReadable, reportReadable));
			}
		}
		if (lines.isEmpty() && !committee && !me.has(Role.ORG_ADMIN)) {
			throw new DiaryAccessDeniedException("village " + villageId);
		}
		model.addAttribute("village", names.village(villageId));
		model.addAttribute("terms", lines);
		return "diary/listVillageTerms";
	}

	/** A term of the village with what the reader may open. */
	record VillageTerm(Term term, String teamNames, boolean diaries, boolean report) {

	}

	private String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
