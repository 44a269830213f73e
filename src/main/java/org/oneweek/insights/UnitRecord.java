package org.oneweek.insights;

import java.math.BigDecimal;

import org.oneweek.people.Unit;

/**
 * A unit's record over a filter's period and places: the figures of the cases referred to
 * it (its assignee now), of those resolved, resolved within their deadline, and the
 * funding asked and approved for them.
 */
public record UnitRecord(Unit unit, Figures figures) {

	/** Cases referred to the unit. */
	public long referred() {
		return figures.cases();
	}

	/** Of those, resolved or closed. */
	public long resolved() {
		return figures.count(Measure.RESOLVED);
	}

	/** Of those, resolved within the resolution deadline. */
	public long resolvedOnTime() {
		return figures.count(Measure.RESOLVED_ON_TIME);
	}

	public BigDecimal fundingRequested() {
		return figures.fundingRequested();
	}

	public BigDecimal fundingApproved() {
		return figures.fundingApproved();
	}

}
