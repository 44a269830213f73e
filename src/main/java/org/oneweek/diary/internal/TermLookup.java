package org.oneweek.diary.internal;

import java.util.Optional;

import org.oneweek.roster.Term;
import org.oneweek.roster.Terms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds a term by its id. The roster reads terms by member, village or week, so the term
 * is found through its village (as the ledger's hand-over does).
 */
@Component
public class TermLookup {

	private final JdbcClient jdbc;

	private final Terms terms;

	TermLookup(JdbcClient jdbc, Terms terms) {
		this.jdbc = jdbc;
		this.terms = terms;
	}

	@Transactional(readOnly = true)
	public Optional<Term> term(long termId) {
		return jdbc.sql("select village_id from term where id = ?")
			.param(termId)
			.query(Long.class)
			.optional()
			.flatMap((villageId) -> terms.allOfVillage(villageId).stream().filter((t) -> t.id() == termId).findFirst());
	}

}
