package org.oneweek.bulletin.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.oneweek.bulletin.Enlistments;
import org.oneweek.bulletin.FollowUp;
import org.oneweek.bulletin.FollowUpKind;
import org.oneweek.bulletin.FollowUps;
import org.oneweek.bulletin.RateLimitedException;
import org.oneweek.bulletin.web.BulletinForms.FollowUpForm;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseEvent;
import org.oneweek.casework.CaseNotFoundException;
import org.oneweek.casework.CasePhoto;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.Cases;
import org.oneweek.casework.PhotoId;
import org.oneweek.casework.PublicCases;
import org.oneweek.casework.Satisfaction;
import org.oneweek.casework.TimelineReceipts;
import org.oneweek.places.Places;
import org.oneweek.places.Village;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A case by its reference number, as anyone may see it (the public timeline), and the
 * villagers' follow-ups on it.
 */
@Controller
class CaseLookupController {

	private final PublicCases cases;

	private final Cases ledger;

	private final Places places;

	private final FollowUps followUps;

	private final Enlistments enlistments;

	private final PublicTexts texts;

	private final Clock clock;

	private final ObjectProvider<TimelineReceipts> receipts;

	CaseLookupController(PublicCases cases, Cases ledger, Places places, FollowUps followUps, Enlistments enlistments,
			PublicTexts texts, Clock clock, ObjectProvider<TimelineReceipts> receipts) {
		this.receipts = receipts;
		this.cases = cases;
		this.ledger = ledger;
		this.places = places;
		this.followUps = followUps;
		this.enlistments = enlistments;
		this.texts = texts;
		this.clock = clock;
	}

	/** The search box: a number as people type it leads to its case. */
	@GetMapping("/c")
	String find(@RequestParam(name = "ref", required = false) @Nullable String ref, Model model,
			HttpServletResponse response) {
		if (ref == null || ref.isBlank()) {
			model.addAttribute("searched", "");
			return "bulletin/findCase";
		}
		Optional<String> reference = PublicPages.normalizeReference(ref);
		if (reference.isPresent() && cases.byReference(reference.get()).isPresent()) {
			return "redirect:/c/" + reference.get();
		}
		return notFound(ref, model, response);
	}

	@GetMapping("/c/{reference}")
	String show(@PathVariable String reference, Model model, HttpServletResponse response, Locale locale) {
		Optional<String> normalized = PublicPages.normalizeReference(reference);
		Optional<Case> found = normalized.flatMap(cases::byReference);
		if (found.isEmpty()) {
			return notFound(reference, model, response);
		}
		Case c = found.get();
		if (!c.reference().equals(reference)) {
			return "redirect:/c/" + c.reference();
		}
		Village village = places.village(c.villageId()).orElseThrow();
		model.addAttribute("c", c);
		model.addAttribute("village", village);
		model.addAttribute("category",
				ledger.category(c.category()).map((cat) -> cat.name(locale)).orElse(c.category()));
		model.addAttribute("reporter", cases.consentedReporterNames(List.of(c.id())).get(c.id()));
		model.addAttribute("latestNote", cases.latestPublicNotes(List.of(c.id())).get(c.id()));
		model.addAttribute("overdue", c.isOverdue(clock.instant()));
		model.addAttribute("enlisted", enlistments.activeOf(List.of(c.id())).getOrDefault(c.id(), List.of()));
		List<CaseEvent> events = cases.publicTimeline(c.id());
		List<PublicTexts.Entry> timeline = new java.util.ArrayList<>(
				events.stream().map((e) -> texts.entry(e, locale)).toList());
		java.util.Collections.reverse(timeline);
		model.addAttribute("timeline", timeline);
		model.addAttribute("receipts",
				receipts.getIfAvailable(() -> (id) -> TimelineReceipts.Receipts.NONE).of(c.id()));
		model.addAttribute("photos", cases.photos(c.id()));
		if (c.mergedIntoId() != null) {
			cases.referenceOf(c.mergedIntoId()).ifPresent((into) -> model.addAttribute("mergedInto", into));
		}
		model.addAttribute("zone", clock.getZone());
		response.setHeader(HttpHeaders.CACHE_CONTROL,
				CacheControl.maxAge(5, TimeUnit.SECONDS).cachePublic().getHeaderValue());
		return "bulletin/showCase";
	}

	private String notFound(String searched, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("searched", (searched.length() > 40) ? searched.substring(0, 40) : searched);
		model.addAttribute("notFound", true);
		return "bulletin/findCase";
	}

	/** A photo's public copy: no EXIF, so no location or camera. */
	@GetMapping("/c/" + BoardController.REF + "/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable String reference, @PathVariable("photoId") long id) {
		Case c = cases.byReference(reference).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		PhotoId photoId = PhotoId.of(id);
		CasePhoto photo = cases.photos(c.id())
			.stream()
			.filter((p) -> p.id().equals(photoId))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		byte[] content = cases.publicPhoto(c.id(), photoId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.cacheControl(CacheControl.maxAge(7, TimeUnit.DAYS).cachePublic())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

	// ---- follow-ups -----------------------------------------------------------------

	@GetMapping("/c/" + BoardController.REF + "/follow-up")
	String followUpForm(@PathVariable String reference, @RequestParam(required = false) @Nullable FollowUpKind kind,
			Model model) {
		Case c = cases.byReference(reference).orElseThrow(() -> new CaseNotFoundException(reference));
		FollowUpForm form = new FollowUpForm();
		form.setKind((kind != null) ? kind : FollowUpKind.INFO);
		form.setRequestKey(UUID.randomUUID().toString());
		return followUpForm(c, form, model);
	}

	private String followUpForm(Case c, FollowUpForm form, Model model) {
		model.addAttribute("c", c);
		model.addAttribute("form", form);
		model.addAttribute("kinds", FollowUpKind.values());
		model.addAttribute("satisfactions", Satisfaction.values());
		model.addAttribute("maxText", FollowUp.MAX_TEXT);
		return "bulletin/followUp";
	}

	@PostMapping("/c/" + BoardController.REF + "/follow-up")
	String followUp(@PathVariable String reference, @Valid @ModelAttribute("form") FollowUpForm form,
			BindingResult result, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		Case c = cases.byReference(reference).orElseThrow(() -> new CaseNotFoundException(reference));
		if (form.filledByBot()) {
			// a bot is told it worked, and nothing is kept
			redirect.addFlashAttribute("sent", true);
			return "redirect:/c/" + c.reference() + "/follow-up/sent";
		}
		if (form.getKind() == FollowUpKind.INFO && (form.getText() == null || form.getText().isBlank())) {
			result.rejectValue("text", "bulletin.followUp.textRequired");
		}
		if (form.getKind() == FollowUpKind.CONFIRMED_FIXED && form.getSatisfaction() == null) {
			result.rejectValue("satisfaction", "bulletin.followUp.satisfactionRequired");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return followUpForm(c, form, model);
		}
		FollowUps.Submitted submitted = followUps.submit(c.reference(), form.toCommand(), request.getRemoteAddr(),
				clock.instant());
		redirect.addFlashAttribute("sent", true);
		redirect.addFlashAttribute("review", form.getKind() == FollowUpKind.NOT_FIXED
				&& (c.state() == CaseState.RESOLVED || c.state() == CaseState.CLOSED));
		redirect.addFlashAttribute("kind", form.getKind());
		return "redirect:/c/" + c.reference() + "/follow-up/sent";
	}

	@GetMapping("/c/" + BoardController.REF + "/follow-up/sent")
	String sent(@PathVariable String reference, Model model) {
		Case c = cases.byReference(reference).orElseThrow(() -> new CaseNotFoundException(reference));
		model.addAttribute("c", c);
		places.village(c.villageId()).ifPresent((v) -> model.addAttribute("village", v));
		return "bulletin/followUpSent";
	}

	@ExceptionHandler(RateLimitedException.class)
	String tooMany(RateLimitedException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterMinutes() * 60L));
		model.addAttribute("minutes", ex.retryAfterMinutes());
		return "bulletin/tooMany";
	}

}
