package org.oneweek.diary.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.Cases;
import org.oneweek.diary.DiaryAccess;
import org.oneweek.diary.DiaryRuleException;
import org.oneweek.diary.MeetingId;
import org.oneweek.diary.MorningMeeting;
import org.oneweek.diary.MorningMeetings;
import org.oneweek.diary.web.DiaryForms.MeetingForm;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.platform.Ids;
import org.oneweek.roster.Term;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Morning meetings: recorded by the team, with the problems raised linked as they are
 * recorded in the ledger.
 */
@Controller
@RequestMapping("/diary/meetings")
class MeetingController {

	private final Clock clock;

	private final MorningMeetings meetings;

	private final DiaryAccess access;

	private final Cases cases;

	private final Names names;

	private final MessageSource messages;

	MeetingController(Clock clock, MorningMeetings meetings, DiaryAccess access, Cases cases, Names names,
			MessageSource messages) {
		this.messages = messages;
		this.clock = clock;
		this.meetings = meetings;
		this.access = access;
		this.cases = cases;
		this.names = names;
	}

	@GetMapping("/new")
	String newMeeting(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@AuthenticationPrincipal AccountPrincipal me, Model model, Locale locale) {
		MeetingForm form = new MeetingForm();
		form.setIdempotencyKey(UUID.randomUUID().toString());
		form.setDay((day != null) ? day : LocalDate.now(clock));
		Term term = access.teamTermOn(me, form.getDay());
		form.setMemberIds(new ArrayList<>(Ids.values(term.memberIds())));
		form.setPlace(messages.getMessage("diary.meeting.defaultPlace",
				new Object[] { names.villageName(term.villageId()) }, locale));
		return form(form, term, model);
	}

	@PostMapping("/new")
	String record(@Valid @ModelAttribute("form") MeetingForm form, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
		LocalDate day = (form.getDay() != null) ? form.getDay() : LocalDate.now(clock);
		Term term = access.teamTermOn(me, day);
		if (result.hasErrors()) {
			return form(form, term, model);
		}
		try {
			MeetingId id = meetings.record(form.toCommand(), form.getIdempotencyKey(), me, clock.instant());
			redirect.addFlashAttribute("messageKey", "diary.meeting.recorded");
			return "redirect:/diary/meetings/" + id;
		}
		catch (DiaryRuleException ex) {
			model.addAttribute("errorKey", ex.messageKey());
			return form(form, term, model);
		}
	}

	private String form(MeetingForm form, Term term, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("term", term);
		model.addAttribute("team", names.team(term));
		model.addAttribute("village", names.village(term.villageId()));
		return "diary/recordMeeting";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		MorningMeeting meeting = meetings.readable(MeetingId.of(id), me);
		model.addAttribute("m", meeting);
		model.addAttribute("village", names.village(meeting.villageId()));
		model.addAttribute("memberNames", names.of(meeting.memberIds()));
		model.addAttribute("cases", cases.byIds(meeting.caseIds()));
		model.addAttribute("canChange", meetings.canChange(meeting, me, clock.instant()));
		return "diary/showMeeting";
	}

	@PostMapping("/{id}/cases")
	String link(@PathVariable long id, @RequestParam(defaultValue = "") String reference,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		try {
			meetings.linkCase(MeetingId.of(id), reference, me, clock.instant());
			redirect.addFlashAttribute("messageKey", "diary.case.added");
		}
		catch (DiaryRuleException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKey());
			redirect.addFlashAttribute("errorArgs", ex.arguments());
		}
		return "redirect:/diary/meetings/" + id;
	}

	@PostMapping("/{id}/cases/remove")
	String unlink(@PathVariable long id, @RequestParam long caseId, @AuthenticationPrincipal AccountPrincipal me,
			RedirectAttributes redirect) {
		try {
			meetings.unlinkCase(MeetingId.of(id), CaseId.of(caseId), me, clock.instant());
			redirect.addFlashAttribute("messageKey", "diary.case.removed");
		}
		catch (DiaryRuleException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKey());
			redirect.addFlashAttribute("errorArgs", ex.arguments());
		}
		return "redirect:/diary/meetings/" + id;
	}

}
