package org.oneweek.insights.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** How figures read on the pages: rates as percentages, hours with one decimal. */
public final class Format {

	public static final Format INSTANCE = new Format();

	public String rate(@Nullable Double fraction) {
		return (fraction == null) ? "—" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
	}

	public String hours(@Nullable Double hours) {
		return (hours == null) ? "—" : String.format(Locale.ROOT, "%.1f", hours);
	}

	public String decimal(@Nullable Double value) {
		return (value == null) ? "—" : String.format(Locale.ROOT, "%.2f", value);
	}

	public String money(@Nullable BigDecimal value) {
		return (value == null) ? "—" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	/** A rate as a number for a chart (percent, empty when there is none). */
	public String chart(@Nullable Double fraction) {
		return (fraction == null) ? "" : String.format(Locale.ROOT, "%.1f", fraction * 100);
	}

}
