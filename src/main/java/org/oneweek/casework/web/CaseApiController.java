package org.oneweek.casework.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseAccess.Standing;
import org.oneweek.casework.CaseAccess;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseFunding;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseInquiries;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CaseNotFoundException;
import org.oneweek.casework.CaseSearch;
import org.oneweek.casework.Cases;
import org.oneweek.casework.web.CaseForms.AssignForm;
import org.oneweek.casework.web.CaseForms.FundingForm;
import org.oneweek.casework.web.CaseForms.NoteForm;
import org.oneweek.casework.web.IntakeForm;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.places.Places;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger's JSON API: the same operations and the same per-record access rules as the
 * pages. A POST of a new case with an {@code Idempotency-Key} header creates one case
 * however many times it is sent.
 */
@RestController
@RequestMapping(path = "/api/v1/cases", produces = "application/json")
@Tag(name = "cases", description = "The case ledger (台账)")
@SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "ow_…",
		description = "A personal API token, created on the account page (/account) and shown once")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
		description = "User name and password; an Argon2 check on every request, so slower than a token")
@SecurityScheme(name = "session", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE, paramName = "SESSION",
		description = "A signed-in browser's session; changes also need its CSRF token in X-CSRF-TOKEN")
@SecurityRequirement(name = "token")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "session")
class CaseApiController {

	private final Clock clock;

	private final Cases cases;

	private final CaseIntake intake;

	private final CaseActions actions;

	private final CaseFunding funding;

	private final CaseAccess access;

	private final CaseInquiries inquiries;

	private final Places places;

	private final CaseTexts texts;

	CaseApiController(Clock clock, Cases cases, CaseIntake intake, CaseActions actions, CaseFunding funding,
			CaseAccess access, CaseInquiries inquiries, Places places, CaseTexts texts) {
		this.clock = clock;
		this.cases = cases;
		this.intake = intake;
		this.actions = actions;
		this.funding = funding;
		this.access = access;
		this.inquiries = inquiries;
		this.places = places;
		this.texts = texts;
	}

	/** A request body of one text (a reason, a note). */
	record TextBody(@Nullable String text) {

	}

	/** Merging into another case. */
	record MergeBody(@Nullable String into, @Nullable String reason) {

	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Record a case",
			description = "Returns 201 with the case. Sent again with the same Idempotency-Key and body, returns "
					+ "the case created the first time (header Idempotency-Replayed: true); with a different "
					+ "body, 422.")
	@ApiResponse(responseCode = "201", description = "The case, recorded (or recorded the first time)",
			useReturnTypeSchema = true)
	ResponseEntity<CaseJson> record(@Valid @RequestBody IntakeForm form,
			@Parameter(description = "A key chosen by the client, unique per intended case") @RequestHeader(
					name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			@AuthenticationPrincipal AccountPrincipal me) {
		if (idempotencyKey != null) {
			form.setIdempotencyKey(idempotencyKey.length() > 100 ? idempotencyKey.substring(0, 100) : idempotencyKey);
		}
		Instant now = clock.instant();
		CaseIntake.Recorded recorded = intake.record(form.toCommand(), me, now);
		Case c = recorded.caseFile();
		// the client sent the reporter itself: it is not sent back (GET shows it to those
		// entitled)
		String village = places.village(c.villageId()).map(Village::name).orElse("");
		return ResponseEntity.created(URI.create("/api/v1/cases/" + c.reference()))
			.header("Idempotency-Replayed", String.valueOf(recorded.repeated()))
			.body(CaseJson.of(c, village, now, null));
	}

	@GetMapping
	@Operation(summary = "Search the ledger",
			description = "Every filter is optional; q takes Chinese or English words or a reference number. "
					+ "Only cases the caller may read are returned.")
	CaseJson.PageJson search(@ParameterObject @ModelAttribute SearchParams params, BindingResult unconvertible,
			@Parameter(description = "Cases per page (1 to 100)") @RequestParam(defaultValue = "20") int size,
			@AuthenticationPrincipal AccountPrincipal me) {
		Instant now = clock.instant();
		Standing standing = access.standing(me, LocalDate.ofInstant(now, clock.getZone()));
		CaseSearch.Page page = inquiries.search(params.toSearch(), standing, now, params.getPage(), size);
		Map<VillageId, String> villages = villageNames();
		java.util.function.Predicate<Case> mayKnow = access.reporterVisibility(standing);
		Map<CaseId, Case.Reporter> reporters = cases.reporters(page.cases().stream().map(Case::id).toList());
		return new CaseJson.PageJson(page.cases()
			.stream()
			.map((c) -> CaseJson.of(c, villages.getOrDefault(c.villageId(), ""), now,
					mayKnow.test(c) ? reporters.get(c.id()) : null))
			.toList(), page.total(), page.more(), page.page(), page.size());
	}

	@GetMapping("/{reference}")
	@Operation(summary = "One case")
	CaseJson show(@PathVariable String reference, @AuthenticationPrincipal AccountPrincipal me) {
		return json(readable(reference, me), me, clock.instant());
	}

	@GetMapping("/{reference}/events")
	@Operation(summary = "The case's timeline, oldest first")
	List<CaseJson.EventJson> events(@PathVariable String reference, @AuthenticationPrincipal AccountPrincipal me,
			Locale locale) {
		Case c = readable(reference, me);
		return cases.events(c.id())
			.stream()
			.map((e) -> new CaseJson.EventJson(e.seq(), e.kind(), e.at(), texts.actor(e, locale), e.fromState(),
					e.toState(), e.reason(), texts.describe(e, locale), e.data(), e.isPublic()))
			.toList();
	}

	@PostMapping(path = "/{reference}/assign", consumes = "application/json")
	@Operation(summary = "Assign or reassign (and change the urgency)")
	CaseJson assign(@PathVariable String reference, @Valid @RequestBody AssignForm form,
			@AuthenticationPrincipal AccountPrincipal me) {
		actions.assign(reference, form.toCommand(), me, clock.instant());
		return show(reference, me);
	}

	@PostMapping(path = "/{reference}/start", consumes = "application/json")
	@Operation(summary = "The villager was contacted and work started")
	CaseJson start(@PathVariable String reference, @RequestBody(required = false) @Nullable TextBody body,
			@AuthenticationPrincipal AccountPrincipal me) {
		actions.start(reference, (body != null) ? body.text() : null, me, clock.instant());
		return show(reference, me);
	}

	@PostMapping(path = "/{reference}/notes", consumes = "application/json")
	@Operation(summary = "A progress note (public or internal) and/or a percentage")
	CaseJson note(@PathVariable String reference, @Valid @RequestBody NoteForm form,
			@AuthenticationPrincipal AccountPrincipal me) {
		actions.note(reference, form.toNote(), me, clock.instant());
		return show(reference, me);
	}

	@PostMapping(path = "/{reference}/resolve", consumes = "application/json")
	@Operation(summary = "Resolved: text is what was done")
	CaseJson resolve(@PathVariable String reference, @Valid @RequestBody NoteForm form,
			@AuthenticationPrincipal AccountPrincipal me) {
		actions.resolve(reference, form.toResolution(), me, clock.instant());
		return show(reference, me);
	}

	@PostMapping(path = "/{reference}/close", consumes = "application/json")
	@Operation(summary = "Closed after the callback, with the villager's satisfaction")
	CaseJson close(@PathVariable String reference, @Valid @RequestBody NoteForm form,
			@AuthenticationPrincipal AccountPrincipal me) {
		actions.close(reference, form.toCallback(), me, clock.instant());
		return show(reference, me);
	}

	@PostMapping(path = "/{reference}/reopen", consumes = "application/json")
	@Operation(summary = "Reopen, with a reason")
	CaseJson reopen(@PathVariable String reference, @RequestBody TextBody body,
			@AuthenticationPrincipal AccountPrincipal me) {
		actions.reopen(reference, body.text(), me, clock.instant());
		return show(reference, me);
	}

	@PostMapping(path = "/{reference}/decline", consumes = "application/json")
	@Operation(summary = "Decline, with a reason")
	CaseJson decline(@PathVariable String reference, @RequestBody TextBody body,
			@AuthenticationPrincipal AccountPrincipal me) {
		actions.decline(reference, body.text(), me, clock.instant());
		return show(reference, me);
	}

	@PostMapping(path = "/{reference}/merge", consumes = "application/json")
	@Operation(summary = "Merge into another case of the same village")
	CaseJson merge(@PathVariable String reference, @RequestBody MergeBody body,
			@AuthenticationPrincipal AccountPrincipal me) {
		actions.merge(reference, body.into(), body.reason(), me, clock.instant());
		return show(reference, me);
	}

	@PostMapping(path = "/{reference}/funding/requests", consumes = "application/json")
	@Operation(summary = "Funding requested")
	CaseJson requestFunding(@PathVariable String reference, @Valid @RequestBody FundingForm form,
			@AuthenticationPrincipal AccountPrincipal me) {
		funding.request(reference, form.toRequest(), me, clock.instant());
		return show(reference, me);
	}

	@PostMapping(path = "/{reference}/funding/approvals", consumes = "application/json")
	@Operation(summary = "Funding approved: amount, source and who approved")
	CaseJson approveFunding(@PathVariable String reference, @Valid @RequestBody FundingForm form,
			@AuthenticationPrincipal AccountPrincipal me) {
		funding.approve(reference, form.toApproval(), me, clock.instant());
		return show(reference, me);
	}

	private Case readable(String reference, AccountPrincipal me) {
		Case c = cases.byReference(reference).orElseThrow(() -> new CaseNotFoundException(reference));
		if (!access.permission(me, c, LocalDate.now(clock)).canRead()) {
			throw new AccessDeniedException("case " + reference);
		}
		return c;
	}

	private CaseJson json(Case c, AccountPrincipal me, Instant now) {
		Standing standing = access.standing(me, LocalDate.ofInstant(now, clock.getZone()));
		Case.Reporter reporter = access.canSeeReporter(standing, c) ? cases.reporter(c.id()).orElse(null) : null;
		String village = places.village(c.villageId()).map(Village::name).orElse("");
		return CaseJson.of(c, village, now, reporter);
	}

	private Map<VillageId, String> villageNames() {
		return places.villages().stream().collect(Collectors.toMap(Village::id, Village::name));
	}

	static HttpStatus created() {
		return HttpStatus.CREATED;
	}

}
