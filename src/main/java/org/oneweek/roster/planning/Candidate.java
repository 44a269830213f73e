package org.oneweek.roster.planning;

import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import org.jspecify.annotations.Nullable;

/**
 * A member as the planner sees them: where they live, which weeks they cannot serve or
 * would like to serve, whether they have served on a team before, and how many duty weeks
 * a quarter they may take. Equal only to itself: the solver uses it as a key.
 */
public final class Candidate {

	/** Never served on a team. */
	public static final int NEVER = Integer.MAX_VALUE;

	public static final int DEFAULT_SPREAD_WEEKS = 4;

	@PlanningId
	private final long id;

	private final String name;

	private final @Nullable Long homeTownshipId;

	private final boolean active;

	private final Set<Integer> unavailableWeeks;

	private final Set<Integer> preferredWeeks;

	private final int firstTermWeek;

	private final int maxPerQuarter;

	private final int spreadWeeks;

	private final Map<Long, Integer> pastPartners;

	public Candidate(long id, String name, @Nullable Long homeTownshipId, boolean active, Set<Integer> unavailableWeeks,
			Set<Integer> preferredWeeks, int firstTermWeek, int maxPerQuarter) {
		this(id, name, homeTownshipId, active, unavailableWeeks, preferredWeeks, firstTermWeek, maxPerQuarter,
				DEFAULT_SPREAD_WEEKS, Map.of());
	}

	public Candidate(long id, String name, @Nullable Long homeTownshipId, boolean active, Set<Integer> unavailableWeeks,
			Set<Integer> preferredWeeks, int firstTermWeek, int maxPerQuarter, int spreadWeeks,
			Map<Long, Integer> pastPartners) {
		if (spreadWeeks < 1 || maxPerQuarter < 0) {
			throw new IllegalArgumentException("spreadWeeks must be at least 1, maxPerQuarter not negative");
		}
		this.id = id;
		this.name = name;
		this.homeTownshipId = homeTownshipId;
		this.active = active;
		this.unavailableWeeks = Set.copyOf(unavailableWeeks);
		this.preferredWeeks = Set.copyOf(preferredWeeks);
		this.firstTermWeek = firstTermWeek;
		this.maxPerQuarter = maxPerQuarter;
		this.spreadWeeks = spreadWeeks;
		this.pastPartners = Map.copyOf(pastPartners);
	}

	public long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public @Nullable Long getHomeTownshipId() {
		return homeTownshipId;
	}

	public boolean isActive() {
		return active;
	}

	/** Active and free on every working day of the week. */
	public boolean isAvailableIn(int week) {
		return active && !unavailableWeeks.contains(week);
	}

	public boolean hasPreferences() {
		return !preferredWeeks.isEmpty();
	}

	public boolean prefers(int week) {
		return preferredWeeks.contains(week);
	}

	public Set<Integer> getUnavailableWeeks() {
		return unavailableWeeks;
	}

	public Set<Integer> getPreferredWeeks() {
		return preferredWeeks;
	}

	/** Served on a team in a week before this one, outside the plan. */
	public boolean servedBefore(int week) {
		return firstTermWeek < week;
	}

	public int getFirstTermWeek() {
		return firstTermWeek;
	}

	public int getMaxPerQuarter() {
		return maxPerQuarter;
	}

	/** Duties closer together than this many weeks are to be avoided. */
	public int getSpreadWeeks() {
		return spreadWeeks;
	}

	/** How often the member served on a team with the other outside the planned range. */
	public int pastTimesWith(Candidate other) {
		return pastPartners.getOrDefault(other.id, 0);
	}

	public Map<Long, Integer> getPastPartners() {
		return pastPartners;
	}

	public boolean livesIn(long townshipId) {
		return homeTownshipId != null && homeTownshipId == townshipId;
	}

	@Override
	public String toString() {
		return name + "#" + id;
	}

}
