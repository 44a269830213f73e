package org.oneweek.roster.planning;

/**
 * Where a post is: a village (a team's seat) or a township (its troubleshooter).
 */
public record Place(boolean township, long id) {

	public static Place village(long id) {
		return new Place(false, id);
	}

	public static Place township(long id) {
		return new Place(true, id);
	}

}
