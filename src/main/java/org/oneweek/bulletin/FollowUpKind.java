package org.oneweek.bulletin;

/**
 * What a villager tells about a case through the public pages.
 */
public enum FollowUpKind {

	/** New information (补充情况). */
	INFO,
	/**
	 * Still not fixed (仍未解决): goes to the committee, who decide with the team whether to
	 * reopen.
	 */
	NOT_FIXED,
	/** Confirmed fixed, with satisfaction (确认已解决). */
	CONFIRMED_FIXED

}
