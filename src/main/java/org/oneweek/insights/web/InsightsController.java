package org.oneweek.insights.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseType;
import org.oneweek.casework.Cases;
import org.oneweek.insights.BlindSpotRate;
import org.oneweek.insights.Breakdown;
import org.oneweek.insights.Callbacks;
import org.oneweek.insights.Figures;
import org.oneweek.insights.Insights;
import org.oneweek.insights.Insights.Row;
import org.oneweek.insights.InsightsException;
import org.oneweek.insights.Measure;
import org.oneweek.insights.MemberRecord;
import org.oneweek.people.MemberId;
import org.oneweek.people.UnitId;
import org.oneweek.insights.MetricFilter;
import org.oneweek.places.Places;
import org.oneweek.places.Village;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization department's dashboard: the figures of a filter with their
 * definitions, trends, league tables of villages and streets, categories, types, units,
 * members and overdue ageing, as tables (charts drawn over them where JavaScript runs);
 * every number links to the cases it counts.
 */
@Controller
@RequestMapping("/insights")
@PreAuthorize("hasRole('ORG_ADMIN')")
class InsightsController {

	/** The tables of the dashboard, in order. */
	static final List<Breakdown> TABLES = List.of(Breakdown.TOWNSHIP, Breakdown.VILLAGE, Breakdown.CATEGORY,
			Breakdown.TYPE, Breakdown.UNIT, Breakdown.MEMBER);

	private final Insights insights;

	private final Callbacks callbacks;

	private final Cases cases;

	private final Places places;

	private final Clock clock;

	/**
	 * Two threads for the dashboard's reads beside the summary's (a request waits for
	 * both; more dashboards at once queue here rather than take the pool's connections).
	 */
	private final java.util.concurrent.ExecutorService reads = java.util.concurrent.Executors.newFixedThreadPool(2,
			(r) -> {
				Thread t = new Thread(r, "insights-reads");
				t.setDaemon(true);
				return t;
			});

	@jakarta.annotation.PreDestroy
	void stop() {
		reads.shutdown();
	}

	InsightsController(Insights insights, Callbacks callbacks, Cases cases, Places places, Clock clock) {
		this.insights = insights;
		this.callbacks = callbacks;
		this.cases = cases;
		this.places = places;
		this.clock = clock;
	}

	@GetMapping
	String dashboard(@ModelAttribute("filter") FilterParams params,
			@RequestParam(defaultValue = "WEEK") Breakdown period, Model model, Locale locale) {
		MetricFilter filter = params.toFilter();
		Instant now = clock.instant();
		if (!period.isPeriod()) {
			period = Breakdown.WEEK;
		}
		// the figures beside the summary's (diaries, blind spots, hand-overs, callback
		// attempts) are read side by side with them, each in a transaction of its own
		boolean narrow = filter.village() != null || filter.township() != null;
		java.util.concurrent.CompletableFuture<Handovers> handovers = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> handovers(filter, now, locale), reads);
		java.util.concurrent.CompletableFuture<Beside> beside = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> beside(filter, narrow, now), reads);
		Insights.Dashboard dashboard = insights.dashboard(filter, period, TABLES, now, locale, SHOWN / 2);
		Beside b;
		Handovers h;
		try {
			b = beside.join();
			h = handovers.join();
		}
		catch (java.util.concurrent.CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
		model.addAttribute("figures", dashboard.figures());
		model.addAttribute("diaries", b.diaries());
		// a street's or a village's blind spots are shown here; the district's, which
		// reads every village's reconciled weeks (seconds at a province's ten million
		// cases), on their own page, which the dashboard links to
		model.addAttribute("blindSpots", b.blindSpots());
		model.addAttribute("blindSpotWeeks", Insights.BLIND_SPOT_WEEKS);
		model.addAttribute("handover", h.delay());
		model.addAttribute("handoverTables", h.tables());
		model.addAttribute("callbackTally", b.callbackTally());
		model.addAttribute("period", period);
		model.addAttribute("weights", insights.properties());
		model.addAttribute("periods", List.of(Breakdown.WEEK, Breakdown.MONTH, Breakdown.QUARTER, Breakdown.YEAR));
		List<Row> trend = dashboard.trend();
		model.addAttribute("trend", latest(trend));
		model.addAttribute("trendTotal", trend.size());
		model.addAttribute("trendShown", TREND_SHOWN);
		Map<Breakdown, List<Row>> tables = new java.util.LinkedHashMap<>();
		Map<Breakdown, Integer> totals = new java.util.HashMap<>();
		for (Breakdown by : TABLES) {
			Insights.Table table = dashboard.tables().get(by);
			totals.put(by, table.total());
			tables.put(by, table.rows());
		}
		model.addAttribute("tables", tables);
		model.addAttribute("totals", totals);
		model.addAttribute("shownRows", SHOWN);
		model.addAttribute("links", new DrillLinks(params));
		model.addAttribute("fmt", Format.INSTANCE);
		model.addAttribute("headline", List.of(Measure.CASES, Measure.OVERDUE, Measure.REOPENED, Measure.ESCALATED,
				Measure.DECLINED, Measure.AWAITING_CALLBACK, Measure.CALLBACKS));
		model.addAttribute("ageing", List.of(Measure.OVERDUE_UNDER_DAY, Measure.OVERDUE_UNDER_WEEK,
				Measure.OVERDUE_UNDER_MONTH, Measure.OVERDUE_LONGER));
		choices(model, filter);
		return "insights/showDashboard";
	}

	/**
	 * The dashboard's figures read beside the summary's, on one of two threads: diaries,
	 * blind spots, callback attempts.
	 */
	private record Beside(org.oneweek.diary.DiaryCompliance.Tally diaries, @Nullable BlindSpotRate blindSpots,
			Callbacks.Tally callbackTally) {

	}

	private Beside beside(MetricFilter filter, boolean narrow, Instant now) {
		return new Beside(insights.diaryCompliance(filter, now), narrow ? insights.blindSpots(filter, now) : null,
				callbacks.tally(filter, now));
	}

	/** The hand-over delays, on the other: the whole and by street and village. */
	private record Handovers(org.oneweek.insights.HandoverDelay delay,
			Map<Breakdown, List<Insights.HandoverRow>> tables) {

	}

	private Handovers handovers(MetricFilter filter, Instant now, Locale locale) {
		Insights.HandoverTables read = insights.handoverTables(filter, now, locale);
		Map<Breakdown, List<Insights.HandoverRow>> handovers = new java.util.LinkedHashMap<>();
		for (Breakdown by : List.of(Breakdown.TOWNSHIP, Breakdown.VILLAGE)) {
			List<Insights.HandoverRow> rows = new java.util.ArrayList<>(read.rows().get(by));
			// the slowest first, those with nothing acknowledged yet at the end
			rows.sort(Comparator
				.comparing((Insights.HandoverRow r) -> r.delay().medianHours(),
						Comparator.nullsLast(Comparator.reverseOrder()))
				.thenComparing(Insights.HandoverRow::label));
			handovers.put(by, (rows.size() > SHOWN) ? rows.subList(0, SHOWN) : rows);
		}
		return new Handovers(read.delay(), handovers);
	}

	/**
	 * The trend shows at most this many periods, the latest (a year of weeks; ten years
	 * of them are in its export).
	 */
	static final int TREND_SHOWN = 53;

	static List<Row> latest(List<Row> rows) {
		return (rows.size() <= TREND_SHOWN) ? rows : rows.subList(rows.size() - TREND_SHOWN, rows.size());
	}

	/** A page shows at most this many rows of a table: the best half and the worst. */
	static final int SHOWN = 50;

	@GetMapping("/cases")
	String drillDown(@ModelAttribute("filter") FilterParams params, @RequestParam Measure measure, Model model) {
		MetricFilter filter = params.toFilter();
		Instant now = clock.instant();
		Figures figures = insights.figures(filter, now);
		model.addAttribute("measure", measure);
		model.addAttribute("count", figures.count(measure));
		model.addAttribute("cases", insights.cases(filter, measure, now));
		model.addAttribute("max", Insights.MAX_CASES);
		model.addAttribute("now", now);
		model.addAttribute("links", new DrillLinks(params));
		model.addAttribute("fmt", Format.INSTANCE);
		model.addAttribute("villageNames", villageNames(places));
		choices(model, filter);
		return "insights/listCases";
	}

	/**
	 * The hand-overs a hand-over delay counts (or those still waiting): village, week,
	 * who handed over and when, who acknowledged and when, the hours between, the cases.
	 */
	@GetMapping("/handovers")
	String handovers(@ModelAttribute("filter") FilterParams params,
			@RequestParam(defaultValue = "false") boolean waiting, Model model) {
		MetricFilter filter = params.toFilter();
		Instant now = clock.instant();
		model.addAttribute("delay", insights.handoverDelay(filter, now));
		model.addAttribute("handovers", insights.handovers(filter, waiting, now));
		model.addAttribute("waiting", waiting);
		model.addAttribute("max", Insights.MAX_CASES);
		model.addAttribute("now", now);
		model.addAttribute("links", new DrillLinks(params));
		model.addAttribute("fmt", Format.INSTANCE);
		model.addAttribute("villageNames", villageNames(places));
		choices(model, filter);
		return "insights/listHandovers";
	}

	/**
	 * A member's record: terms served, the cases heard and resolved with their figures,
	 * diary compliance, under the page's filter (its period and places).
	 */
	@GetMapping("/members/{member}")
	String member(@PathVariable("member") long member, @ModelAttribute("filter") FilterParams params, Model model) {
		if (member <= 0) {
			throw new InsightsException("insights.member.unknown");
		}
		params.setMember(member);
		MetricFilter filter = params.toFilter();
		Instant now = clock.instant();
		MemberRecord record = insights.memberRecord(MemberId.of(member), filter, now);
		model.addAttribute("record", record);
		model.addAttribute("villageNames", villageNames(places));
		model.addAttribute("links", new DrillLinks(params));
		model.addAttribute("fmt", Format.INSTANCE);
		choices(model, filter);
		return "insights/showMember";
	}

	/**
	 * A unit's record: the cases referred to it, resolved, in time, and their funding,
	 * under the page's filter (its period and places).
	 */
	@GetMapping("/units/{unit}")
	String unit(@PathVariable("unit") long unit, @ModelAttribute("filter") FilterParams params, Model model) {
		if (unit <= 0) {
			throw new InsightsException("insights.unit.unknown");
		}
		params.setUnit(unit);
		MetricFilter filter = params.toFilter();
		Instant now = clock.instant();
		model.addAttribute("record", insights.unitRecord(UnitId.of(unit), filter, now));
		model.addAttribute("links", new DrillLinks(params));
		model.addAttribute("fmt", Format.INSTANCE);
		choices(model, filter);
		return "insights/showUnit";
	}

	/** The tables of the blind spots page, in order. */
	static final List<Breakdown> BLIND_SPOT_TABLES = List.of(Breakdown.TOWNSHIP, Breakdown.VILLAGE, Breakdown.CATEGORY,
			Breakdown.WEEK);

	/**
	 * The blind-spot rate of the filter with its definition, by street, village, category
	 * and week, and the cases it counts: the blind spots, or with {@code list=problems}
	 * every villagers' problem reconciled.
	 */
	@GetMapping("/blind-spots")
	String blindSpots(@ModelAttribute("filter") FilterParams params, @RequestParam(defaultValue = "blind") String list,
			Model model, Locale locale) {
		MetricFilter filter = params.toFilter();
		Instant now = clock.instant();
		BlindSpotRate rate = insights.blindSpots(filter, now);
		boolean all = "problems".equals(list);
		Map<Breakdown, List<Insights.BlindSpotRow>> tables = new java.util.LinkedHashMap<>();
		for (Breakdown by : BLIND_SPOT_TABLES) {
			tables.put(by, insights.blindSpots(filter, by, now, locale));
		}
		model.addAttribute("rate", rate);
		model.addAttribute("tables", tables);
		model.addAttribute("all", all);
		model.addAttribute("cases", insights.casesOf(all ? rate.problemCases() : rate.blindCases()));
		model.addAttribute("max", Insights.MAX_CASES);
		model.addAttribute("now", now);
		model.addAttribute("weeks", Insights.BLIND_SPOT_WEEKS);
		model.addAttribute("links", new DrillLinks(params));
		model.addAttribute("fmt", Format.INSTANCE);
		model.addAttribute("villageNames", villageNames(places));
		choices(model, filter);
		return "insights/listBlindSpots";
	}

	private void choices(Model model, MetricFilter filter) {
		model.addAttribute("townships", places.townships());
		List<Village> villages = (filter.township() != null) ? places.villagesOf(filter.township()) : places.villages();
		// a province's 20,000 villages are no list to choose from: pick a street first
		model.addAttribute("villages", (villages.size() <= 300) ? villages : List.of());
		model.addAttribute("categories", cases.categories());
		model.addAttribute("types", CaseType.values());
	}

	static Map<Long, String> villageNames(Places places) {
		Map<Long, String> names = new HashMap<>();
		for (Village v : places.villages()) {
			names.put(v.id().value(), v.name());
		}
		return names;
	}

}
