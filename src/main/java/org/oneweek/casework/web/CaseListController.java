package org.oneweek.casework.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.AssigneeKind;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseAccess.Standing;
import org.oneweek.casework.CaseAccess;
import org.oneweek.casework.CaseCategory;
import org.oneweek.casework.CaseDashboard;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseInquiries;
import org.oneweek.casework.CaseSearch;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.CaseType;
import org.oneweek.casework.Cases;
import org.oneweek.casework.Handovers;
import org.oneweek.casework.Urgency;
import org.oneweek.casework.internal.CaseExports;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.places.Places;
import org.oneweek.places.Village;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Inquiries into the ledger, "my cases", a village's ledger (台账) and its exports. Each
 * person sees only the cases they may read; reporters are masked unless they may see
 * them.
 */
@Controller
@RequestMapping("/cases")
class CaseListController {

	private static final int PAGE_SIZE = 20;

	private final Clock clock;

	private final Cases cases;

	private final CaseAccess access;

	private final CaseInquiries inquiries;

	private final CaseDashboard dashboard;

	private final Handovers handovers;

	private final Places places;

	private final CaseTexts texts;

	CaseListController(Clock clock, Cases cases, CaseAccess access, CaseInquiries inquiries, CaseDashboard dashboard,
			Handovers handovers, Places places, CaseTexts texts) {
		this.clock = clock;
		this.cases = cases;
		this.access = access;
		this.inquiries = inquiries;
		this.dashboard = dashboard;
		this.handovers = handovers;
		this.places = places;
		this.texts = texts;
	}

	@GetMapping
	String list(@ModelAttribute("params") SearchParams params, BindingResult unconvertible,
			@AuthenticationPrincipal AccountPrincipal me, Model model, Locale locale) {
		Instant now = clock.instant();
		Standing standing = access.standing(me, LocalDate.ofInstant(now, clock.getZone()));
		CaseSearch.Page page = inquiries.search(params.toSearch(), standing, now, params.getPage(), PAGE_SIZE);
		model.addAttribute("page", page);
		model.addAttribute("query", params.query(0));
		model.addAttribute("previousQuery", params.query(page.page() - 1));
		model.addAttribute("nextQuery", params.query(page.page() + 1));
		addChoices(model, locale);
		model.addAttribute("villages", villageChoices(params));
		model.addAttribute("now", now);
		return "casework/listCases";
	}

	@GetMapping("/mine")
	String mine(@AuthenticationPrincipal AccountPrincipal me, Model model, Locale locale) {
		CaseDashboard.Cards cards = dashboard.cards(me);
		model.addAttribute("cards", cards);
		model.addAttribute("recorded", inquiries.recordedBy(me.accountId(), 50));
		Standing standing = access.standing(me, LocalDate.ofInstant(cards.now(), clock.getZone()));
		if (standing.term() != null) {
			model.addAttribute("term", standing.term());
			model.addAttribute("termVillage", places.village(standing.term().villageId()).orElseThrow());
			handovers.handoverFrom(standing.term().id()).ifPresent((h) -> model.addAttribute("madeHandover", h));
		}
		addChoices(model, locale);
		return "casework/listMine";
	}

	@GetMapping("/ledger")
	String ledger(@RequestParam long village, @ModelAttribute("params") SearchParams params,
			BindingResult unconvertible, @AuthenticationPrincipal AccountPrincipal me, Model model, Locale locale) {
		Village v = places.village(VillageId.of(village))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		params.setVillage(village);
		Instant now = clock.instant();
		Standing standing = access.standing(me, LocalDate.ofInstant(now, clock.getZone()));
		List<Case> rows = inquiries.all(params.toSearch(), standing, now);
		model.addAttribute("village", v);
		model.addAttribute("rows", ledgerRows(rows, standing, locale));
		model.addAttribute("headings", headings(locale));
		model.addAttribute("query", params.query(0));
		return "casework/showLedger";
	}

	@GetMapping("/export.csv")
	ResponseEntity<byte[]> exportCsv(@ModelAttribute("params") SearchParams params, BindingResult unconvertible,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale) {
		List<List<Object>> rows = exportRows(params, me, locale);
		return download(CaseExports.csv(headings(locale), rows), "csv",
				new MediaType("text", "csv", StandardCharsets.UTF_8));
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> exportXlsx(@ModelAttribute("params") SearchParams params, BindingResult unconvertible,
			@AuthenticationPrincipal AccountPrincipal me, Locale locale) {
		List<List<Object>> rows = exportRows(params, me, locale);
		return download(CaseExports.xlsx(texts.msg("case.export.title", locale), headings(locale), rows), "xlsx",
				MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	}

	private List<List<Object>> exportRows(SearchParams params, AccountPrincipal me, Locale locale) {
		Instant now = clock.instant();
		Standing standing = access.standing(me, LocalDate.ofInstant(now, clock.getZone()));
		return ledgerRows(inquiries.all(params.toSearch(), standing, now), standing, locale);
	}

	private ResponseEntity<byte[]> download(byte[] body, String extension, MediaType type) {
		String name = "ledger-" + LocalDate.now(clock) + "." + extension;
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(type)
			.body(body);
	}

	/** The clerk's columns. */
	private List<String> headings(Locale locale) {
		return List
			.of("case.reference", "case.new.village", "case.ledger.date", "case.ledger.reporter", "case.reporter.phone",
					"case.ledger.problem", "case.category", "case.type", "case.urgency", "case.responsible",
					"case.ledger.deadline", "case.state", "case.result", "case.satisfaction")
			.stream()
			.map((key) -> texts.msg(key, locale))
			.toList();
	}

	/** The ledger's rows: dates as days (date cells in .xlsx), the rest as text. */
	private List<List<Object>> ledgerRows(List<Case> rows, Standing standing, Locale locale) {
		Predicate<Case> mayKnow = access.reporterVisibility(standing);
		Map<CaseId, Case.Reporter> reporters = cases.reporters(rows.stream().map(Case::id).toList());
		Map<VillageId, String> villages = places.villages()
			.stream()
			.collect(Collectors.toMap(Village::id, Village::name));
		Map<String, String> categories = cases.categories()
			.stream()
			.collect(Collectors.toMap(CaseCategory::code, (c) -> c.name(locale)));
		ZoneId zone = clock.getZone();
		List<List<Object>> result = new ArrayList<>();
		for (Case c : rows) {
			Case.Reporter reporter = reporters.get(c.id());
			boolean known = mayKnow.test(c);
			String name = (reporter == null) ? "" : known ? nonNull(reporter.name()) : reporter.maskedName();
			String phone = (reporter == null) ? "" : known ? nonNull(reporter.phone()) : reporter.maskedPhone();
			result.add(List.of(c.reference(), villages.getOrDefault(c.villageId(), ""),
					c.receivedAt().atZone(zone).toLocalDate(), name, phone, c.title(),
					categories.getOrDefault(c.category(), c.category()), texts.msg("case.type." + c.type(), locale),
					texts.msg("case.urgency.short." + c.urgency(), locale),
					(c.assignee() != null)
							? texts.msg("case.assignee." + c.assignee().kind(), locale) + " " + c.assignee().name()
							: "",
					c.resolutionDue().atZone(zone).toLocalDate(), texts.msg("case.state." + c.state(), locale),
					nonNull(c.result()),
					(c.satisfaction() != null) ? texts.msg("case.satisfaction." + c.satisfaction(), locale) : ""));
		}
		return result;
	}

	/**
	 * A list to choose from has at most this many villages; more, and a street comes
	 * first.
	 */
	static final int MAX_VILLAGE_CHOICES = 300;

	/**
	 * The villages to choose from in the search form: the chosen street's, or all of them
	 * when they are few (a province's 20,000 are no list: a street is chosen first), and
	 * always the village chosen.
	 */
	private List<Village> villageChoices(SearchParams params) {
		List<Village> villages = (params.getTownship() != null) ? places.villagesOf(TownshipId.of(params.getTownship()))
				: places.villages();
		if (villages.size() <= MAX_VILLAGE_CHOICES) {
			return villages;
		}
		return (params.getVillage() != null) ? places.village(VillageId.of(params.getVillage())).stream().toList()
				: List.of();
	}

	private void addChoices(Model model, Locale locale) {
		model.addAttribute("townships", places.townships());
		model.addAttribute("villageNames",
				places.villages().stream().collect(Collectors.toMap(Village::id, Village::name)));
		model.addAttribute("categories", cases.categories());
		model.addAttribute("categoryNames",
				cases.categories()
					.stream()
					.collect(Collectors.toMap(CaseCategory::code, (c) -> c.name(locale), (a, b) -> a)));
		model.addAttribute("states", CaseState.values());
		model.addAttribute("types", CaseType.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("assigneeKinds", AssigneeKind.values());
		model.addAttribute("now", clock.instant());
	}

	private static String nonNull(@Nullable String value) {
		return (value != null) ? value : "";
	}

	static <T> Function<T, T> identity() {
		return Function.identity();
	}

}
