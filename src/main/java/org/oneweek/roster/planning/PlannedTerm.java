package org.oneweek.roster.planning;

import org.jspecify.annotations.Nullable;

/**
 * A village's week that needs (or had) a team: the three seats are {@link Post}s. Knows
 * the village's previous term, for continuity, and whether it is the village's first term
 * ever (the first round, when nobody can have served there before).
 */
public final class PlannedTerm {

	private final long id;

	private final long villageId;

	private final long townshipId;

	private final int week;

	private final boolean inRange;

	private final boolean firstOfVillage;

	private final @Nullable PlannedTerm previous;

	private final @Nullable Long sourceId;

	public PlannedTerm(long id, long villageId, long townshipId, int week, boolean inRange, boolean firstOfVillage,
			@Nullable PlannedTerm previous) {
		this(id, villageId, townshipId, week, inRange, firstOfVillage, previous, null);
	}

	/**
	 * @param sourceId the term's id in the database, or null for a term not created yet
	 */
	public PlannedTerm(long id, long villageId, long townshipId, int week, boolean inRange, boolean firstOfVillage,
			@Nullable PlannedTerm previous, @Nullable Long sourceId) {
		this.id = id;
		this.villageId = villageId;
		this.townshipId = townshipId;
		this.week = week;
		this.inRange = inRange;
		this.firstOfVillage = firstOfVillage;
		this.previous = previous;
		this.sourceId = sourceId;
	}

	public @Nullable Long getSourceId() {
		return sourceId;
	}

	public long getId() {
		return id;
	}

	public long getVillageId() {
		return villageId;
	}

	public long getTownshipId() {
		return townshipId;
	}

	public int getWeek() {
		return week;
	}

	public boolean isInRange() {
		return inRange;
	}

	public boolean isFirstOfVillage() {
		return firstOfVillage;
	}

	public @Nullable PlannedTerm getPrevious() {
		return previous;
	}

	@Override
	public String toString() {
		return "term#" + id + "(village " + villageId + ", " + WeekIndex.monday(week) + ")";
	}

}
