package org.oneweek.casework;

/**
 * The kind of request, as in the 12345 hotline convention.
 */
public enum CaseType {

	/** 咨询 */
	INQUIRY,
	/** 求助 */
	HELP,
	/** 投诉 */
	COMPLAINT,
	/** 举报 */
	REPORT,
	/** 建议 */
	SUGGESTION

}
