package org.oneweek.diary.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.oneweek.platform.KeyedException;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseCategory;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.Cases;
import org.oneweek.casework.Urgency;
import org.oneweek.diary.DiaryAccess;
import org.oneweek.diary.DiaryNotFoundException;
import org.oneweek.diary.DiaryRuleException;
import org.oneweek.diary.FindingOutcome;
import org.oneweek.diary.Inspection;
import org.oneweek.diary.InspectionId;
import org.oneweek.diary.Inspections;
import org.oneweek.diary.web.DiaryForms.FindingForm;
import org.oneweek.diary.web.DiaryForms.InspectionForm;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.platform.Ids;
import org.oneweek.roster.Term;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Inspection walks: who came, the route, and findings with photos, each of which becomes
 * a case or is linked to one.
 */
@Controller
@RequestMapping("/diary/inspections")
class InspectionController {

	private final Clock clock;

	private final Inspections inspections;

	private final DiaryAccess access;

	private final Cases cases;

	private final Names names;

	InspectionController(Clock clock, Inspections inspections, DiaryAccess access, Cases cases, Names names) {
		this.clock = clock;
		this.inspections = inspections;
		this.access = access;
		this.cases = cases;
		this.names = names;
	}

	@GetMapping("/new")
	String newInspection(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		InspectionForm form = new InspectionForm();
		form.setIdempotencyKey(UUID.randomUUID().toString());
		form.setDay((day != null) ? day : LocalDate.now(clock));
		Term term = access.teamTermOn(me, form.getDay());
		form.setMemberIds(new ArrayList<>(Ids.values(term.memberIds())));
		return form(form, term, model);
	}

	@PostMapping("/new")
	String record(@Valid @ModelAttribute("form") InspectionForm form, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
		LocalDate day = (form.getDay() != null) ? form.getDay() : LocalDate.now(clock);
		Term term = access.teamTermOn(me, day);
		if (result.hasErrors()) {
			return form(form, term, model);
		}
		try {
			InspectionId id = inspections.record(form.toCommand(), form.getIdempotencyKey(), me, clock.instant());
			redirect.addFlashAttribute("messageKey", "diary.inspection.recorded");
			return "redirect:/diary/inspections/" + id;
		}
		catch (DiaryRuleException ex) {
			model.addAttribute("errorKey", ex.messageKey());
			return form(form, term, model);
		}
	}

	private String form(InspectionForm form, Term term, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("term", term);
		model.addAttribute("team", names.team(term));
		model.addAttribute("village", names.village(term.villageId()));
		return "diary/recordInspection";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		Inspection inspection = inspections.readable(InspectionId.of(id), me);
		Map<CaseId, Case> linked = cases.byIds(inspection.caseIds())
			.stream()
			.collect(Collectors.toMap(Case::id, (c) -> c));
		model.addAttribute("i", inspection);
		model.addAttribute("village", names.village(inspection.villageId()));
		model.addAttribute("memberNames", names.of(inspection.memberIds()));
		model.addAttribute("linked", linked);
		boolean canChange = inspections.canChange(inspection, me, clock.instant());
		model.addAttribute("canChange", canChange);
		if (canChange) {
			if (!model.containsAttribute("finding")) {
				FindingForm finding = new FindingForm();
				finding.setIdempotencyKey(UUID.randomUUID().toString());
				model.addAttribute("finding", finding);
			}
			model.addAttribute("categories", cases.categories().stream().filter(CaseCategory::active).toList());
			model.addAttribute("urgencies", Urgency.values());
			model.addAttribute("outcomes", FindingOutcome.values());
			model.addAttribute("termCases",
					cases.ofTerm(inspection.termId())
						.stream()
						.filter((c) -> c.villageId().equals(inspection.villageId()) && c.state().isOpen())
						.toList());
		}
		return "diary/showInspection";
	}

	@PostMapping("/{id}/findings")
	String addFinding(@PathVariable long id, @Valid @ModelAttribute("finding") FindingForm form, BindingResult result,
			@RequestParam(name = "photo", required = false) @Nullable MultipartFile photo,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) throws IOException {
		if (result.hasErrors()) {
			FieldError error = result.getFieldError();
			redirect.addFlashAttribute("finding", form);
			redirect.addFlashAttribute("errorKey", "diary.form.invalidField");
			redirect.addFlashAttribute("errorArgs",
					new Object[] { (error != null) ? String.valueOf(error.getDefaultMessage()) : "" });
			return "redirect:/diary/inspections/" + id + "#add-finding";
		}
		byte[] content = (photo != null && !photo.isEmpty()) ? photo.getBytes() : null;
		try {
			inspections.addFinding(InspectionId.of(id), form.toCommand(), content, form.getIdempotencyKey(), me,
					clock.instant());
			redirect.addFlashAttribute("messageKey", "diary.finding.recorded");
		}
		catch (KeyedException ex) {
			redirect.addFlashAttribute("finding", form);
			redirect.addFlashAttribute("errorKey", ex.messageKey());
			redirect.addFlashAttribute("errorArgs", ex.arguments());
		}
		return "redirect:/diary/inspections/" + id;
	}

	@PostMapping("/{id}/findings/{findingId}/decide")
	String decide(@PathVariable long id, @PathVariable long findingId, @ModelAttribute FindingForm form,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		try {
			if (inspections.inspection(InspectionId.of(id))
				.filter((i) -> i.findings().stream().anyMatch((f) -> f.id() == findingId))
				.isEmpty()) {
				throw new DiaryNotFoundException("finding");
			}
			inspections.decide(findingId, form.toDecision(), me, clock.instant());
			redirect.addFlashAttribute("messageKey", "diary.finding.decided");
		}
		catch (KeyedException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKey());
			redirect.addFlashAttribute("errorArgs", ex.arguments());
		}
		return "redirect:/diary/inspections/" + id;
	}

	@GetMapping("/{id}/findings/{findingId}/photo")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long findingId,
			@AuthenticationPrincipal AccountPrincipal me) {
		InspectionId inspection = InspectionId.of(id);
		inspections.readable(inspection, me);
		Inspections.Photo photo = inspections.findingPhoto(inspection, findingId)
			.orElseThrow(() -> new DiaryNotFoundException("photo"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(photo.content());
	}

}
