package org.oneweek.bulletin;

/**
 * What a villager tells about a case through the public pages.
 */
public enum FollowUpKind {

	/** New information (补充情况). */
	INFO,
	/** Still not fixed (仍未解决): reopens a resolved case for review. */
	NOT_FIXED,
	/** Confirmed fixed, with satisfaction (确认已解决). */
	CONFIRMED_FIXED

}
