package org.oneweek.diary.internal;

import java.util.Optional;

import org.oneweek.roster.Term;
import org.oneweek.roster.TermId;
import org.oneweek.roster.Terms;
import org.springframework.stereotype.Component;

/**
 * Finds a published term by its id, through the roster's {@link Terms}.
 */
@Component
public class TermLookup {

	private final Terms terms;

	TermLookup(Terms terms) {
		this.terms = terms;
	}

	public Optional<Term> term(TermId termId) {
		return terms.byId(termId);
	}

}
