package org.oneweek.insights;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseType;
import org.oneweek.people.MemberId;
import org.oneweek.people.UnitId;
import org.oneweek.places.DistrictId;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;
import org.oneweek.roster.TermId;

/**
 * Which cases a figure is about: nothing set means the whole district and all time. The
 * period is by the day the case was received, {@code from} and {@code to} both included,
 * in the district's time zone.
 *
 * @param member cases the member recorded (heard)
 * @param term cases the term (a week's team) received
 * @param unit cases referred to the unit
 */
public record MetricFilter(@Nullable DistrictId district, @Nullable TownshipId township, @Nullable VillageId village,
		@Nullable String category, @Nullable CaseType type, @Nullable UnitId unit, @Nullable MemberId member,
		@Nullable TermId term, @Nullable LocalDate from, @Nullable LocalDate to) {

	public static final MetricFilter ALL = new MetricFilter(null, null, null, null, null, null, null, null, null, null);

	public MetricFilter {
		if (category != null && category.isBlank()) {
			category = null;
		}
		if (from != null && to != null && to.isBefore(from)) {
			throw new InsightsException("insights.filter.toBeforeFrom");
		}
	}

	public MetricFilter withVillage(@Nullable VillageId v) {
		return new MetricFilter(district, township, v, category, type, unit, member, term, from, to);
	}

	public MetricFilter withTownship(@Nullable TownshipId t) {
		return new MetricFilter(district, t, village, category, type, unit, member, term, from, to);
	}

	public MetricFilter withCategory(@Nullable String c) {
		return new MetricFilter(district, township, village, c, type, unit, member, term, from, to);
	}

	public MetricFilter withType(@Nullable CaseType t) {
		return new MetricFilter(district, township, village, category, t, unit, member, term, from, to);
	}

	public MetricFilter withUnit(@Nullable UnitId u) {
		return new MetricFilter(district, township, village, category, type, u, member, term, from, to);
	}

	public MetricFilter withMember(@Nullable MemberId m) {
		return new MetricFilter(district, township, village, category, type, unit, m, term, from, to);
	}

	public MetricFilter withPeriod(@Nullable LocalDate f, @Nullable LocalDate t) {
		return new MetricFilter(district, township, village, category, type, unit, member, term, f, t);
	}

}
