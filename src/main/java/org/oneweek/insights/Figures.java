package org.oneweek.insights;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The figures of one set of cases (a filter, or one row of a breakdown): the count of
 * every {@link Measure}, the times, the money, and the rates computed from them.
 *
 * @param counts how many cases each measure counts
 * @param contactHoursMedian median hours from reception to first contact, over contacted
 * cases
 * @param resolutionHoursMedian median hours from reception to resolution, over resolved
 * cases
 * @param population residents of the villages in scope, when known
 */
public record Figures(Map<Measure, Long> counts, @Nullable Double contactHoursMedian, @Nullable Double contactHoursP90,
		@Nullable Double resolutionHoursMedian, @Nullable Double resolutionHoursP90, BigDecimal fundingRequested,
		BigDecimal fundingApproved, @Nullable Long population, InsightsProperties weights) {

	public Figures {
		EnumMap<Measure, Long> all = new EnumMap<>(Measure.class);
		for (Measure m : Measure.values()) {
			all.put(m, counts.getOrDefault(m, 0L));
		}
		// an EnumMap's read is an array's: a province's tables ask it millions of times
		counts = java.util.Collections.unmodifiableMap(all);
	}

	public long count(Measure measure) {
		return counts.get(measure);
	}

	public long cases() {
		return count(Measure.CASES);
	}

	/** First contact within its deadline, over the cases whose first contact is due. */
	public @Nullable Double contactRate() {
		return ratio(count(Measure.CONTACT_ON_TIME), count(Measure.CONTACT_DUE));
	}

	/** Resolved within the deadline, over the cases whose resolution is due. */
	public @Nullable Double resolutionRate() {
		return ratio(count(Measure.RESOLVED_ON_TIME), count(Measure.RESOLUTION_DUE));
	}

	/** (Satisfied + 0.9 × basically satisfied) over the callbacks made. */
	public @Nullable Double satisfactionRate() {
		long callbacks = count(Measure.CALLBACKS);
		if (callbacks == 0) {
			return null;
		}
		return (count(Measure.SATISFIED) + weights.basicallySatisfiedWeight() * count(Measure.BASICALLY_SATISFIED))
				/ callbacks;
	}

	/**
	 * The weighted sum of the three rates (0.1 / 0.5 / 0.4 by default); a rate that
	 * cannot be computed yet (nothing due, no callbacks) is left out and the others'
	 * weights scaled up to 1. Empty when none can be computed.
	 */
	public @Nullable Double composite() {
		double sum = 0;
		double weight = 0;
		Double contact = contactRate();
		if (contact != null) {
			sum += weights.contactWeight() * contact;
			weight += weights.contactWeight();
		}
		Double resolution = resolutionRate();
		if (resolution != null) {
			sum += weights.resolutionWeight() * resolution;
			weight += weights.resolutionWeight();
		}
		Double satisfaction = satisfactionRate();
		if (satisfaction != null) {
			sum += weights.satisfactionWeight() * satisfaction;
			weight += weights.satisfactionWeight();
		}
		return (weight == 0) ? null : sum / weight;
	}

	/** Cases per 1,000 residents of the villages in scope. */
	public @Nullable Double perThousandResidents() {
		if (population == null || population <= 0) {
			return null;
		}
		return cases() * 1000.0 / population;
	}

	/** The same figures for another population (a breakdown row's villages). */
	public Figures withPopulation(@Nullable Long residents) {
		return new Figures(counts, contactHoursMedian, contactHoursP90, resolutionHoursMedian, resolutionHoursP90,
				fundingRequested, fundingApproved, residents, weights);
	}

	private static @Nullable Double ratio(long part, long whole) {
		return (whole == 0) ? null : (double) part / whole;
	}

}
