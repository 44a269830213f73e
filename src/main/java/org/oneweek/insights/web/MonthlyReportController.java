package org.oneweek.insights.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Case;
import org.oneweek.insights.Breakdown;
import org.oneweek.insights.BlindSpotRate;
import org.oneweek.insights.Figures;
import org.oneweek.insights.HandoverDelay;
import org.oneweek.insights.Insights;
import org.oneweek.insights.Insights.Row;
import org.oneweek.insights.Measure;
import org.oneweek.insights.MetricFilter;
import org.oneweek.places.Places;
import org.oneweek.places.Township;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The monthly report for reporting upward: the district's figures, then a page per street
 * with its figures, its villages (a chart over the table) and its worst cases (the oldest
 * overdue, the unsatisfied). Printed from the browser (A4).
 */
@Controller
@RequestMapping("/insights/report")
@PreAuthorize("hasRole('ORG_ADMIN')")
class MonthlyReportController {

	/** Worst cases listed per street. */
	static final int WORST = 5;

	private final Insights insights;

	private final Places places;

	private final Clock clock;

	MonthlyReportController(Insights insights, Places places, Clock clock) {
		this.insights = insights;
		this.places = places;
		this.clock = clock;
	}

	/** One street's page. */
	record StreetPage(Township township, Figures figures, List<Row> villages, List<Case> overdue,
			List<Case> unsatisfied, BlindSpotRate blindSpots, HandoverDelay handover, DrillLinks links) {

	}

	@GetMapping
	String report(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month,
			@RequestParam(required = false) @Nullable Long township, Model model, Locale locale) {
		Instant now = clock.instant();
		YearMonth shown = (month != null) ? month
				: YearMonth.from(LocalDate.ofInstant(now, clock.getZone())).minusMonths(1);
		LocalDate from = shown.atDay(1);
		LocalDate to = shown.atEndOfMonth();
		MetricFilter district = MetricFilter.ALL.withPeriod(from, to);
		List<StreetPage> pages = new ArrayList<>();
		int problems = 0;
		int blindSpots = 0;
		for (Township t : places.townships()) {
			if (township != null && t.id().value() != township) {
				continue;
			}
			MetricFilter filter = district.withTownship(t.id());
			Figures figures = insights.figures(filter, now);
			if (figures.cases() == 0 && township == null) {
				continue;
			}
			List<Row> villages = new ArrayList<>(insights.breakdown(filter, Breakdown.VILLAGE, now, locale));
			villages.sort(Comparator.comparing((Row r) -> r.figures().composite(),
					Comparator.nullsLast(Comparator.reverseOrder())));
			List<Case> overdue = insights.cases(filter, Measure.OVERDUE, now)
				.stream()
				.sorted(Comparator.comparing(Case::resolutionDue))
				.limit(WORST)
				.toList();
			List<Case> unsatisfied = insights.cases(filter, Measure.UNSATISFIED, now).stream().limit(WORST).toList();
			FilterParams params = new FilterParams();
			params.setTownship(t.id().value());
			params.setFrom(from);
			params.setTo(to);
			// the street's villages' weeks of the month are reconciled (their embeddings
			// are stored)
			BlindSpotRate blind = insights.blindSpots(filter, now);
			problems += blind.problems();
			blindSpots += blind.blind();
			pages.add(new StreetPage(t, figures, villages, overdue, unsatisfied, blind,
					insights.handoverDelay(filter, now), new DrillLinks(params)));
		}
		FilterParams all = new FilterParams();
		all.setFrom(from);
		all.setTo(to);
		model.addAttribute("month", shown);
		model.addAttribute("previous", shown.minusMonths(1));
		model.addAttribute("next", shown.plusMonths(1));
		model.addAttribute("figures", insights.figures(district, now));
		model.addAttribute("streets", insights.breakdown(district, Breakdown.TOWNSHIP, now, locale));
		model.addAttribute("pages", pages);
		// the district's blind spots are its streets' (a street without a case has no
		// problem)
		model.addAttribute("blindSpotRate",
				(township != null || problems == 0) ? null : (double) blindSpots / problems);
		model.addAttribute("handover", insights.handoverDelay(district, now));
		model.addAttribute("links", new DrillLinks(all));
		model.addAttribute("fmt", Format.INSTANCE);
		model.addAttribute("villageNames", InsightsController.villageNames(places));
		model.addAttribute("now", now);
		model.addAttribute("township", township);
		return "insights/showReport";
	}

}
