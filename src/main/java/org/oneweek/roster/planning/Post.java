package org.oneweek.roster.planning;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import org.jspecify.annotations.Nullable;

/**
 * A place to fill for one week: a seat on a village's team, or the troubleshooter duty of
 * a township. The member is what the planner decides. Posts outside the planned range
 * (the weeks around it, the village's previous team) are there as context and pinned; so
 * are published and agreed ones.
 */
@PlanningEntity
public class Post {

	public enum Kind {

		SEAT, TROUBLESHOOTER

	}

	@PlanningId
	private long id;

	private Kind kind = Kind.SEAT;

	private @Nullable PlannedTerm term;

	private int seat;

	private long townshipId;

	private int week;

	private int quarter;

	private boolean inRange;

	@PlanningPin
	private boolean pinned;

	private @Nullable Long sourceId;

	@PlanningVariable(allowsUnassigned = true)
	private @Nullable Candidate member;

	/** For the solver's planning clone. */
	Post() {
	}

	private Post(long id, Kind kind, @Nullable PlannedTerm term, int seat, long townshipId, int week, boolean inRange,
			boolean pinned, @Nullable Long sourceId, @Nullable Candidate member) {
		this.id = id;
		this.kind = kind;
		this.term = term;
		this.seat = seat;
		this.townshipId = townshipId;
		this.week = week;
		this.quarter = WeekIndex.quarter(week);
		this.inRange = inRange;
		this.pinned = pinned || !inRange;
		this.sourceId = sourceId;
		this.member = member;
	}

	public static Post seat(long id, PlannedTerm term, int seat, boolean pinned, @Nullable Long termId,
			@Nullable Candidate member) {
		return new Post(id, Kind.SEAT, term, seat, term.getTownshipId(), term.getWeek(), term.isInRange(), pinned,
				termId, member);
	}

	public static Post troubleshooter(long id, long townshipId, int week, boolean inRange, boolean pinned,
			@Nullable Long dutyId, @Nullable Candidate member) {
		return new Post(id, Kind.TROUBLESHOOTER, null, 0, townshipId, week, inRange, pinned, dutyId, member);
	}

	public long getId() {
		return id;
	}

	public Kind getKind() {
		return kind;
	}

	public boolean isSeat() {
		return kind == Kind.SEAT;
	}

	public @Nullable PlannedTerm getTerm() {
		return term;
	}

	/** The seat's term; only for seats. */
	public PlannedTerm term() {
		if (term == null) {
			throw new IllegalStateException("a troubleshooter duty has no term");
		}
		return term;
	}

	public int getSeat() {
		return seat;
	}

	public long getTownshipId() {
		return townshipId;
	}

	public int getWeek() {
		return week;
	}

	public int getQuarter() {
		return quarter;
	}

	public boolean isInRange() {
		return inRange;
	}

	public boolean isPinned() {
		return pinned;
	}

	public @Nullable Long getSourceId() {
		return sourceId;
	}

	public @Nullable Candidate getMember() {
		return member;
	}

	/** The member, for posts the constraint streams know are assigned. */
	public Candidate member() {
		if (member == null) {
			throw new IllegalStateException("post " + id + " is not assigned");
		}
		return member;
	}

	public void setMember(@Nullable Candidate member) {
		this.member = member;
	}

	/** Where the post is: the village for a seat, the township for a troubleshooter. */
	public Place place() {
		return (term != null) ? Place.village(term.getVillageId()) : Place.township(townshipId);
	}

	@Override
	public String toString() {
		return kind + "#" + id + "(" + place() + ", " + WeekIndex.monday(week) + ", " + member + ")";
	}

}
