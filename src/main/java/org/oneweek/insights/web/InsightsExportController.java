package org.oneweek.insights.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Case;
import org.oneweek.insights.Breakdown;
import org.oneweek.insights.BlindSpotRate;
import org.oneweek.insights.Figures;
import org.oneweek.insights.HandoverDelay;
import org.oneweek.insights.Insights;
import org.oneweek.insights.Insights.Row;
import org.oneweek.insights.InsightsException;
import org.oneweek.insights.Measure;
import org.oneweek.insights.MetricFilter;
import org.oneweek.places.Places;
import org.oneweek.platform.Spreadsheets;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every table of the dashboard as .xlsx (dates as date cells, figures as number cells)
 * and CSV: the summary, the trend, each breakdown, overdue ageing, and the cases behind a
 * number.
 */
@Controller
@RequestMapping("/insights")
@PreAuthorize("hasRole('ORG_ADMIN')")
class InsightsExportController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final List<Measure> COLUMNS = List.of(Measure.CONTACT_DUE, Measure.CONTACT_ON_TIME,
			Measure.RESOLUTION_DUE, Measure.RESOLVED_ON_TIME, Measure.CALLBACKS, Measure.SATISFIED,
			Measure.BASICALLY_SATISFIED, Measure.UNSATISFIED, Measure.AWAITING_CALLBACK, Measure.OVERDUE,
			Measure.REOPENED, Measure.ESCALATED, Measure.DECLINED);

	private final Insights insights;

	private final Places places;

	private final MessageSource messages;

	private final Clock clock;

	InsightsExportController(Insights insights, Places places, MessageSource messages, Clock clock) {
		this.insights = insights;
		this.places = places;
		this.messages = messages;
		this.clock = clock;
	}

	/** A table's headings and rows. */
	record Table(String name, List<String> headings, List<List<Object>> rows) {

	}

	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> xlsx(@ModelAttribute("filter") FilterParams params, @RequestParam String table,
			@RequestParam(required = false) @Nullable Measure measure, Locale locale) {
		Table t = table(params, table, measure, locale);
		return download(Spreadsheets.xlsx(t.name(), t.headings(), t.rows()), table, "xlsx", XLSX);
	}

	@GetMapping("/export.csv")
	ResponseEntity<byte[]> csv(@ModelAttribute("filter") FilterParams params, @RequestParam String table,
			@RequestParam(required = false) @Nullable Measure measure, Locale locale) {
		Table t = table(params, table, measure, locale);
		return download(Spreadsheets.csv(t.headings(), t.rows()), table, "csv",
				new MediaType("text", "csv", StandardCharsets.UTF_8));
	}

	Table table(FilterParams params, String table, @Nullable Measure measure, Locale locale) {
		MetricFilter filter = params.toFilter();
		Instant now = clock.instant();
		return switch (table) {
			case "summary" -> summary(filter, now, locale);
			case "ageing" -> ageing(filter, now, locale);
			case "cases" -> cases(filter, (measure != null) ? measure : Measure.CASES, now, locale);
			case "trend", "week", "month", "quarter",
					"year" ->
				breakdown(filter,
						table.equals("trend") ? Breakdown.WEEK : Breakdown.valueOf(table.toUpperCase(Locale.ROOT)), now,
						locale);
			default -> {
				Breakdown by = Arrays.stream(Breakdown.values())
					.filter((b) -> b.name().equalsIgnoreCase(table))
					.findFirst()
					.orElseThrow(() -> new InsightsException("insights.export.unknownTable"));
				yield breakdown(filter, by, now, locale);
			}
		};
	}

	private Table summary(MetricFilter filter, Instant now, Locale locale) {
		Figures f = insights.figures(filter, now);
		List<List<Object>> rows = new ArrayList<>();
		rows.add(row(msg("insights.rate.contact", locale), percent(f.contactRate())));
		rows.add(row(msg("insights.rate.resolution", locale), percent(f.resolutionRate())));
		rows.add(row(msg("insights.rate.satisfaction", locale), percent(f.satisfactionRate())));
		rows.add(row(msg("insights.rate.composite", locale), percent(f.composite())));
		for (Measure m : Measure.values()) {
			rows.add(row(msg("insights.measure." + m, locale), f.count(m)));
		}
		rows.add(row(msg("insights.perThousand", locale), f.perThousandResidents()));
		rows.add(row(msg("insights.contactHours", locale) + " 50%", f.contactHoursMedian()));
		rows.add(row(msg("insights.contactHours", locale) + " 90%", f.contactHoursP90()));
		rows.add(row(msg("insights.resolutionHours", locale) + " 50%", f.resolutionHoursMedian()));
		rows.add(row(msg("insights.resolutionHours", locale) + " 90%", f.resolutionHoursP90()));
		rows.add(row(msg("insights.measure.FUNDING_REQUESTED", locale), f.fundingRequested()));
		rows.add(row(msg("insights.measure.FUNDING_APPROVED", locale), f.fundingApproved()));
		HandoverDelay handover = insights.handoverDelay(filter, now);
		rows.add(row(msg("insights.handover", locale) + " 50%", handover.medianHours()));
		rows.add(row(msg("insights.handover", locale) + " 90%", handover.p90Hours()));
		rows.add(row(msg("insights.handover.handovers", locale), handover.handovers()));
		rows.add(row(msg("insights.handover.waiting", locale), handover.handovers() - handover.acknowledged()));
		// as on the dashboard: the blind spots of a street or a village (each village's
		// weeks
		// are reconciled; the district's are on the monthly report and the blind spots'
		// page)
		if (filter.village() != null || filter.township() != null) {
			BlindSpotRate blind = insights.blindSpots(filter, now);
			rows.add(row(msg("insights.blindSpots.rate", locale), percent(blind.rate())));
			rows.add(row(msg("insights.blindSpots.problems", locale), blind.problems()));
			rows.add(row(msg("insights.blindSpots.blind", locale), blind.blind()));
		}
		return new Table(msg("insights.title", locale),
				List.of(msg("insights.export.figure", locale), msg("insights.export.value", locale)), rows);
	}

	private Table ageing(MetricFilter filter, Instant now, Locale locale) {
		Figures f = insights.figures(filter, now);
		List<List<Object>> rows = new ArrayList<>();
		for (Measure m : List.of(Measure.OVERDUE_UNDER_DAY, Measure.OVERDUE_UNDER_WEEK, Measure.OVERDUE_UNDER_MONTH,
				Measure.OVERDUE_LONGER, Measure.OVERDUE)) {
			rows.add(row(msg("insights.measure." + m, locale), f.count(m)));
		}
		return new Table(msg("insights.ageing", locale),
				List.of(msg("insights.export.figure", locale), msg("insights.export.value", locale)), rows);
	}

	private Table breakdown(MetricFilter filter, Breakdown by, Instant now, Locale locale) {
		List<String> headings = new ArrayList<>(List.of(msg("insights.by." + by, locale),
				msg("insights.measure.CASES", locale), msg("insights.rate.contact", locale) + " (%)",
				msg("insights.rate.resolution", locale) + " (%)", msg("insights.rate.satisfaction", locale) + " (%)",
				msg("insights.rate.composite", locale) + " (%)"));
		COLUMNS.forEach((m) -> headings.add(msg("insights.measure." + m, locale)));
		headings.add(msg("insights.measure.FUNDING_REQUESTED", locale));
		headings.add(msg("insights.measure.FUNDING_APPROVED", locale));
		headings.add(msg("insights.perThousand", locale));
		List<List<Object>> rows = new ArrayList<>();
		for (Row r : insights.breakdown(filter, by, now, locale)) {
			Figures f = r.figures();
			List<Object> row = new ArrayList<>();
			row.add(by.isPeriod() ? periodStart(by, r.key())
					: (by == Breakdown.TYPE ? msg("case.type." + r.key(), locale) : r.label()));
			row.add(f.cases());
			row.add(percent(f.contactRate()));
			row.add(percent(f.resolutionRate()));
			row.add(percent(f.satisfactionRate()));
			row.add(percent(f.composite()));
			COLUMNS.forEach((m) -> row.add(f.count(m)));
			row.add(f.fundingRequested());
			row.add(f.fundingApproved());
			row.add(f.perThousandResidents());
			rows.add(row);
		}
		return new Table(msg("insights.by." + by, locale), headings, rows);
	}

	private Table cases(MetricFilter filter, Measure measure, Instant now, Locale locale) {
		ZoneId zone = clock.getZone();
		Map<Long, String> villages = InsightsController.villageNames(places);
		List<List<Object>> rows = new ArrayList<>();
		for (Case c : insights.cases(filter, measure, now)) {
			rows.add(Arrays.asList(c.reference(), c.title(), villages.getOrDefault(c.villageId().value(), ""),
					msg("case.state." + c.state(), locale), time(c.receivedAt(), zone), time(c.firstContactDue(), zone),
					time(c.firstContactAt(), zone), time(c.resolutionDue(), zone), time(c.resolvedAt(), zone),
					(c.satisfaction() == null) ? null : msg("insights.satisfaction." + c.satisfaction(), locale)));
		}
		return new Table(msg("insights.measure." + measure, locale),
				List.of(msg("insights.cases.reference", locale), msg("insights.cases.case", locale),
						msg("insights.filter.village", locale), msg("insights.cases.state", locale),
						msg("insights.cases.received", locale), msg("insights.export.contactDue", locale),
						msg("insights.export.contactedAt", locale), msg("insights.cases.due", locale),
						msg("insights.export.resolvedAt", locale), msg("insights.callbacks.answer", locale)),
				rows);
	}

	static LocalDate periodStart(Breakdown by, String key) {
		return switch (by) {
			case WEEK -> LocalDate.parse(key);
			case MONTH -> YearMonth.parse(key).atDay(1);
			case QUARTER -> LocalDate.of(Integer.parseInt(key.substring(0, 4)),
					(Integer.parseInt(key.substring(6)) - 1) * 3 + 1, 1);
			default -> LocalDate.of(Integer.parseInt(key), 1, 1);
		};
	}

	private static @Nullable LocalDateTime time(@Nullable Instant at, ZoneId zone) {
		return (at == null) ? null : LocalDateTime.ofInstant(at, zone);
	}

	private static @Nullable BigDecimal percent(@Nullable Double fraction) {
		return (fraction == null) ? null
				: BigDecimal.valueOf(fraction * 100).setScale(1, java.math.RoundingMode.HALF_UP);
	}

	private static List<Object> row(Object... values) {
		return Arrays.asList(values);
	}

	private String msg(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private ResponseEntity<byte[]> download(byte[] body, String table, String extension, MediaType type) {
		String name = "insights-" + table.replaceAll("[^a-z]", "") + "-" + LocalDate.now(clock) + "." + extension;
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(type)
			.body(body);
	}

}
