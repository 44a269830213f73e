package org.oneweek.people;

/**
 * No member with this id.
 */
public class MemberNotFoundException extends RuntimeException {

	public MemberNotFoundException(MemberId id) {
		super("no member " + id);
	}

}
