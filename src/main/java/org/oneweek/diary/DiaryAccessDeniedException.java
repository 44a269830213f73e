package org.oneweek.diary;

import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in person may not read or write this diary, meeting, inspection or report.
 */
public class DiaryAccessDeniedException extends AccessDeniedException {

	public DiaryAccessDeniedException(String what) {
		super("no access to " + what);
	}

}
