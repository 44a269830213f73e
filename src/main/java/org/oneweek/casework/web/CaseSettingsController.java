package org.oneweek.casework.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseCategory;
import org.oneweek.casework.CaseType;
import org.oneweek.casework.Cases;
import org.oneweek.casework.DeadlineRule;
import org.oneweek.casework.DeadlineRule.Span;
import org.oneweek.casework.Deadlines;
import org.oneweek.casework.CaseRuleException;
import org.oneweek.casework.internal.HolidayImport;
import org.oneweek.casework.Urgency;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organization department's settings of the ledger: deadlines by type and urgency,
 * the holiday calendar, categories.
 */
@Controller
@RequestMapping("/cases/settings")
@PreAuthorize("hasRole('ORG_ADMIN')")
class CaseSettingsController {

	private final Deadlines deadlines;

	private final Cases cases;

	private final Clock clock;

	private final HolidayImport holidays;

	CaseSettingsController(Deadlines deadlines, Cases cases, Clock clock, HolidayImport holidays) {
		this.holidays = holidays;
		this.deadlines = deadlines;
		this.cases = cases;
		this.clock = clock;
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("rules", deadlines.rules());
		model.addAttribute("units", DeadlineRule.Unit.values());
		model.addAttribute("calendar", new TreeMap<>(deadlines.exceptionsFrom(LocalDate.now(clock).minusDays(30))));
		model.addAttribute("categories", cases.categories());
		model.addAttribute("years", deadlines.yearsCovered().stream().map(String::valueOf).toList());
		model.addAttribute("missingYear", deadlines.missingNextYear(LocalDate.now(clock)).orElse(null));
		return "casework/editSettings";
	}

	/** A year's schedule: holiday-cn JSON, or CSV/.xlsx of dates. */
	@PostMapping("/calendar/import")
	String importCalendar(@RequestParam("file") org.springframework.web.multipart.@Nullable MultipartFile file,
			Principal principal, RedirectAttributes redirect) throws java.io.IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("errorKey", "case.calendar.import.empty");
			return "redirect:/cases/settings";
		}
		try {
			int days = holidays.apply(String.valueOf(file.getOriginalFilename()), file.getBytes(), principal.getName());
			redirect.addFlashAttribute("messageKey", "case.calendar.import.done");
			redirect.addFlashAttribute("messageArgs", new Object[] { days });
		}
		catch (CaseRuleException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKey());
			redirect.addFlashAttribute("errorArgs", ex.arguments());
		}
		return "redirect:/cases/settings";
	}

	@PostMapping("/rules")
	String saveRule(@RequestParam CaseType type, @RequestParam Urgency urgency, @RequestParam int firstContactAmount,
			@RequestParam DeadlineRule.Unit firstContactUnit, @RequestParam int resolutionAmount,
			@RequestParam DeadlineRule.Unit resolutionUnit, Principal principal, RedirectAttributes redirect) {
		if (firstContactAmount < 0 || firstContactAmount > 1000 || resolutionAmount < 0 || resolutionAmount > 1000) {
			redirect.addFlashAttribute("errorKey", "validation.tooLarge");
			return "redirect:/cases/settings";
		}
		deadlines.update(new DeadlineRule(type, urgency, new Span(firstContactAmount, firstContactUnit),
				new Span(resolutionAmount, resolutionUnit)), principal.getName());
		redirect.addFlashAttribute("messageKey", "common.saved");
		return "redirect:/cases/settings";
	}

	@PostMapping("/calendar")
	String saveDay(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam boolean working, @RequestParam(required = false) @Nullable String name, Principal principal,
			RedirectAttributes redirect) {
		deadlines.setException(day, working, (name != null && name.length() > 60) ? name.substring(0, 60) : name,
				principal.getName());
		redirect.addFlashAttribute("messageKey", "common.saved");
		return "redirect:/cases/settings";
	}

	@PostMapping("/calendar/remove")
	String removeDay(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Principal principal,
			RedirectAttributes redirect) {
		deadlines.removeException(day, principal.getName());
		redirect.addFlashAttribute("messageKey", "common.removed");
		return "redirect:/cases/settings";
	}

	@PostMapping("/categories")
	String saveCategory(@RequestParam String code, @RequestParam String nameZh, @RequestParam String nameEn,
			@RequestParam(defaultValue = "100") int position, @RequestParam(defaultValue = "false") boolean active,
			Principal principal, RedirectAttributes redirect) {
		String c = code.strip();
		if (!c.matches("^[A-Z][A-Z_]{1,31}$")) {
			redirect.addFlashAttribute("errorKey", "case.settings.category.code.pattern");
			return "redirect:/cases/settings";
		}
		if (nameZh.isBlank() || nameEn.isBlank() || nameZh.length() > 30 || nameEn.length() > 60) {
			redirect.addFlashAttribute("errorKey", "validation.required");
			return "redirect:/cases/settings";
		}
		deadlinesCategory(
				new CaseCategory(c, nameZh.strip(), nameEn.strip(), Math.max(0, Math.min(position, 10000)), active),
				principal.getName());
		redirect.addFlashAttribute("messageKey", "common.saved");
		return "redirect:/cases/settings";
	}

	private void deadlinesCategory(CaseCategory category, String actor) {
		deadlines.saveCategory(category, actor);
	}

	static Map<String, Object> none() {
		return Map.of();
	}

}
