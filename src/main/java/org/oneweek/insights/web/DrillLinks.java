package org.oneweek.insights.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.insights.Breakdown;
import org.oneweek.insights.Insights.Row;
import org.oneweek.insights.Measure;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links from a number to the cases it counts: the page's filter, narrowed to a row of a
 * breakdown (its village, its street, its month …), and the measure.
 */
public final class DrillLinks {

	private final Map<String, Object> query;

	private final @Nullable LocalDate from;

	private final @Nullable LocalDate to;

	DrillLinks(FilterParams params) {
		this.query = params.query();
		this.from = params.getFrom();
		this.to = params.getTo();
	}

	/** The cases a measure counts under the page's filter. */
	public String to(String measure) {
		return url("/insights/cases", with(Map.of("measure", Measure.valueOf(measure))));
	}

	/** The cases a measure counts in one row of a breakdown. */
	public String row(String by, Row row, String measure) {
		Map<String, Object> narrowed = narrow(Breakdown.valueOf(by), row.key());
		narrowed.put("measure", Measure.valueOf(measure));
		return url("/insights/cases", with(narrowed));
	}

	/** The dashboard narrowed to one row (a village's, a street's figures). */
	public String dashboard(String by, Row row) {
		return url("/insights", with(narrow(Breakdown.valueOf(by), row.key())));
	}

	/** The blind spots under the page's filter, narrowed to one row's key. */
	public String blindSpots(String by, String key) {
		return url("/insights/blind-spots", with(narrow(Breakdown.valueOf(by), key)));
	}

	/**
	 * The blind spots under the page's filter, listing the villagers' problems or the
	 * blind spots.
	 */
	public String blindSpots(boolean all) {
		return url("/insights/blind-spots", all ? with(Map.of("list", "problems")) : query);
	}

	/**
	 * The hand-overs under the page's filter narrowed to one row's key (or those
	 * waiting).
	 */
	public String handovers(String by, String key, boolean waiting) {
		Map<String, Object> q = new LinkedHashMap<>(narrow(Breakdown.valueOf(by), key));
		if (waiting) {
			q.put("waiting", "true");
		}
		return url("/insights/handovers", with(q));
	}

	/** The same filter on another page (an export, the callbacks). */
	public String page(String path) {
		return url(path, query);
	}

	/** The same filter on another page, with more parameters. */
	public String page(String path, String name, Object value) {
		return url(path, with(Map.of(name, value)));
	}

	private Map<String, Object> narrow(Breakdown by, String key) {
		Map<String, Object> q = new LinkedHashMap<>();
		switch (by) {
			case VILLAGE -> q.put("village", key);
			case TOWNSHIP -> q.put("township", key);
			case CATEGORY -> q.put("category", key);
			case TYPE -> q.put("type", key);
			case UNIT -> q.put("unit", key);
			case MEMBER -> q.put("member", key);
			case TEAM -> q.put("term", key);
			case WEEK -> period(q, LocalDate.parse(key), LocalDate.parse(key).plusDays(6));
			case MONTH -> {
				YearMonth month = YearMonth.parse(key);
				period(q, month.atDay(1), month.atEndOfMonth());
			}
			case QUARTER -> {
				int year = Integer.parseInt(key.substring(0, 4));
				int quarter = Integer.parseInt(key.substring(6));
				LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
				period(q, start, start.plusMonths(3).minusDays(1));
			}
			case YEAR -> {
				int year = Integer.parseInt(key);
				period(q, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
			}
		}
		return q;
	}

	private void period(Map<String, Object> q, LocalDate start, LocalDate end) {
		q.put("from", (from != null && from.isAfter(start)) ? from : start);
		q.put("to", (to != null && to.isBefore(end)) ? to : end);
	}

	private Map<String, Object> with(Map<String, Object> more) {
		Map<String, Object> q = new LinkedHashMap<>(query);
		q.putAll(more);
		return q;
	}

	private static String url(String path, Map<String, Object> q) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
		q.forEach((k, v) -> b.queryParam(k, v));
		return b.encode().build().toUriString();
	}

}
