package org.oneweek.casework;

import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in person may not read or change this case (shared/DESIGN.md: access is
 * decided for every record).
 */
public class CaseAccessDeniedException extends AccessDeniedException {

	public CaseAccessDeniedException(String reference) {
		super("no access to case " + reference);
	}

}
