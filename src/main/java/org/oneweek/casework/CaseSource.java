package org.oneweek.casework;

/**
 * Where a case was heard.
 */
public enum CaseSource {

	/** 晨会走访 */
	MORNING_MEETING,
	/** 实地察看 */
	INSPECTION,
	/** 村干部排查 */
	OFFICIALS_LIST,
	/** 群众反映 (a follow-up through the public board) */
	VILLAGER_FOLLOW_UP,
	/** 电话 */
	PHONE,
	/** 来访 */
	WALK_IN,
	/**
	 * Another system through Open311 (a city app, a hotline platform): which one the
	 * recording account says
	 */
	OPEN311

}
