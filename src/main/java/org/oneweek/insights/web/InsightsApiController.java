package org.oneweek.insights.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.oneweek.diary.DiaryCompliance.Tally;
import org.oneweek.insights.BlindSpotRate;
import org.oneweek.insights.Figures;
import org.oneweek.insights.HandoverDelay;
import org.oneweek.insights.Insights;
import org.oneweek.insights.Measure;
import org.oneweek.insights.MetricFilter;
import org.oneweek.insights.SummaryCheck;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures as JSON for other systems (the district's reporting, a spreadsheet), for
 * the organization department's accounts and their API tokens.
 */
@RestController
@RequestMapping(path = "/api/v1/insights", produces = "application/json")
@Tag(name = "insights", description = "The program's figures (三率 and more)")
@SecurityRequirement(name = "token")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "session")
@PreAuthorize("hasRole('ORG_ADMIN')")
class InsightsApiController {

	private final Insights insights;

	private final Clock clock;

	InsightsApiController(Insights insights, Clock clock) {
		this.insights = insights;
		this.clock = clock;
	}

	@GetMapping("/metrics")
	@Operation(summary = "The figures of the cases a filter takes in", description = """
			Cases are those received in the period (from and to are days, both included, in the
			district's time zone) in the places named, merged duplicates left out; no parameter means
			the whole district and all time. Rates are fractions from 0 to 1, null when nothing can be
			judged yet. contactRate: first contact within its deadline, over cases not declined whose
			first contact was made or is past due. resolutionRate: resolved within the deadline, over
			cases not declined that are resolved or past due. satisfactionRate: (satisfied + 0.9 ×
			basically satisfied) over the callbacks made. composite: 0.1 × contact + 0.5 × resolution +
			0.4 × satisfaction (configurable), the weights of rates that are null spread over the
			others. A reopened case is judged on its current round. Hours are from reception.
			blindSpotRate: of the villagers' problems in scope as each village's week reconciled them
			(one problem per group of matched villagers' cases), the share no item of the officials'
			list was matched with; over the period, or the last 13 weeks when there is none, at most
			53 weeks; null when no villagers' problem was reconciled. handoverAcknowledgement: over the
			ledger's hand-overs of at least one case made in the period in the places named, how many,
			how many acknowledged, and the median and 90th percentile of the hours from the hand-over to
			the next team's acknowledgement (null when none acknowledged).""")
	@ApiResponse(responseCode = "200", description = "The figures", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "An id of zero or less: no place, unit, member or term has it")
	MetricsJson metrics(@ParameterObject @ModelAttribute FilterParams params) {
		MetricFilter filter = params.toFilter();
		Instant now = clock.instant();
		Figures f = insights.figures(filter, now);
		Tally diaries = insights.diaryCompliance(filter, now);
		BlindSpotRate blind = insights.blindSpots(filter, now);
		HandoverDelay handover = insights.handoverDelay(filter, now);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Measure m : Measure.values()) {
			counts.put(camel(m), f.count(m));
		}
		return new MetricsJson(params.query(), f.cases(), f.contactRate(), f.resolutionRate(), f.satisfactionRate(),
				f.composite(), counts, f.contactHoursMedian(), f.contactHoursP90(), f.resolutionHoursMedian(),
				f.resolutionHoursP90(), f.fundingRequested(), f.fundingApproved(), f.population(),
				f.perThousandResidents(),
				new DiaryJson(diaries.expected(), diaries.written(),
						(diaries.expected() == 0) ? null : (double) diaries.written() / diaries.expected()),
				blind.rate(), new BlindSpotsJson(blind.problems(), blind.blind(), blind.pendingWeeks()), handover,
				new WeightsJson(insights.properties().contactWeight(), insights.properties().resolutionWeight(),
						insights.properties().satisfactionWeight(), insights.properties().basicallySatisfiedWeight()));
	}

	static String camel(Measure m) {
		StringBuilder out = new StringBuilder();
		boolean upper = false;
		for (char ch : m.name().toLowerCase(Locale.ROOT).toCharArray()) {
			if (ch == '_') {
				upper = true;
			}
			else {
				out.append(upper ? Character.toUpperCase(ch) : ch);
				upper = false;
			}
		}
		return out.toString();
	}

	/**
	 * @param filter the parameters as understood
	 * @param counts how many cases each measure counts (drill down with the same filter)
	 */
	record MetricsJson(@Parameter(description = "the filter as understood") Map<String, Object> filter, long cases,
			@Nullable Double contactRate, @Nullable Double resolutionRate, @Nullable Double satisfactionRate,
			@Nullable Double composite, Map<String, Long> counts, @Nullable Double contactHoursMedian,
			@Nullable Double contactHoursP90, @Nullable Double resolutionHoursMedian,
			@Nullable Double resolutionHoursP90, BigDecimal fundingRequested, BigDecimal fundingApproved,
			@Nullable Long population, @Nullable Double casesPerThousandResidents, DiaryJson diaryCompliance,
			@Nullable Double blindSpotRate, BlindSpotsJson blindSpots,
			@Parameter(
					description = "hours from a term's hand-over to the next team's acknowledgement") HandoverDelay handoverAcknowledgement,
			WeightsJson weights) {

	}

	@PostMapping("/summary/rebuild")
	@Operation(summary = "Builds the figures' summary anew from the ledger's rows", description = """
			The summary (per village and year or month, per street and week, per street, category
			and type and year) answers the district's figures without reading every case; it is kept
			in the transaction of every change of a case. Rebuild it after loading cases by other means
			(COPY, a restore of the ledger alone); changes of cases wait while it runs. The stored
			reconciliation of every village-week with a villagers' case (the blind spots) is computed
			anew too, each week in a transaction of its own; with blindSpots=false (a province's
			millions of cases, where that takes hours) they are marked stale instead, and the
			background job reconciles the last 53 weeks, the newest first, older ones when read.""",
			extensions = @io.swagger.v3.oas.annotations.extensions.Extension(
					properties = @io.swagger.v3.oas.annotations.extensions.ExtensionProperty(name = "x-action",
							value = "true")))
	RebuildJson rebuildSummary(@io.swagger.v3.oas.annotations.Parameter(
			description = "Whether the stored blind spots are computed anew now (true) or marked stale (false)") @org.springframework.web.bind.annotation.RequestParam(
					defaultValue = "true") boolean blindSpots) {
		long t0 = System.nanoTime();
		long cases = insights.rebuildSummary();
		long weeks = blindSpots ? insights.rebuildBlindSpots(clock.instant()) : 0;
		return new RebuildJson(cases, weeks, (System.nanoTime() - t0) / 1_000_000);
	}

	@GetMapping("/summary/check")
	@Operation(summary = "Compares the figures' summary with a full recomputation from the ledger's rows",
			description = """
					consistent is true when the summary is built and no case, summed row or hour differs, and no
					stored reconciliation of a village-week (the blind spots') differs from its recomputation:
					blindSpotWeeks weeks stored, current and not stale, were recomputed; blindSpotDiffering
					differed.""")
	CheckJson checkSummary() {
		SummaryCheck c = insights.checkSummary();
		return new CheckJson(c.consistent(), c.built(), c.cases(), c.facts(), c.rows(), c.hours(), c.blindSpotWeeks(),
				c.blindSpotDiffering());
	}

	/**
	 * @param cases the cases summed
	 * @param blindSpotWeeks the village-weeks whose reconciliation was stored anew
	 * @param millis how long it took
	 */
	record RebuildJson(long cases, long blindSpotWeeks, long millis) {

	}

	/**
	 * @param facts cases whose part in the summary differs from their row in the ledger
	 * @param rows summed rows that differ
	 * @param hours rows of the times' histogram that differ
	 * @param blindSpotWeeks stored reconciliations of village-weeks recomputed
	 * @param blindSpotDiffering of those, weeks whose stored problems differ
	 */
	record CheckJson(boolean consistent, boolean built, long cases, long facts, long rows, long hours,
			long blindSpotWeeks, long blindSpotDiffering) {

	}

	/**
	 * @param problems villagers' problems reconciled
	 * @param blind of those, with no item of the officials' list
	 * @param pendingWeeks village-weeks not reconciled yet, left out of the figure (after
	 * a bulk load, until the background job has reached them)
	 */
	record BlindSpotsJson(int problems, int blind, int pendingWeeks) {

	}

	record DiaryJson(int expected, int written, @Nullable Double rate) {

	}

	record WeightsJson(double contact, double resolution, double satisfaction, double basicallySatisfied) {

	}

}
