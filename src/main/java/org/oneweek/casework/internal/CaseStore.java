package org.oneweek.casework.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseCategory;
import org.oneweek.casework.CaseEvent;
import org.oneweek.casework.CaseEvents.CaseRecorded;
import org.oneweek.casework.CaseEvents.CaseTimelineAppended;
import org.oneweek.casework.CaseEvents.CaseStateChanged;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseNotFoundException;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.Cases;
import org.oneweek.casework.PhotoId;
import org.oneweek.people.AccountId;
import org.oneweek.places.Places;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.roster.TermId;
import org.oneweek.text.ChineseText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one writer of the ledger's tables {@code case_file} and {@code case_event}: a new
 * case in one statement, a changed {@link CaseFile} as one update of its row and its new
 * timeline entries appended (never changed, never deleted), and the events the case
 * registered published to the other modules in the same transaction. Callers lock the
 * case first ({@link #lock}); saving checks that nobody appended in between.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class CaseStore {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Cases cases;

	private final Places places;

	private final ChineseText text;

	private final ApplicationEventPublisher events;

	private final ZoneId zone;

	private final Set<String> knownSequences = ConcurrentHashMap.newKeySet();

	CaseStore(JdbcClient jdbc, JsonMapper json, Cases cases, Places places, ChineseText text,
			ApplicationEventPublisher events, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.cases = cases;
		this.places = places;
		this.text = text;
		this.events = events;
		this.zone = clock.getZone();
	}

	/**
	 * The idempotency key of an intake and the fingerprint of its request.
	 */
	public record Claim(AccountId accountId, String key, String requestHash) {

	}

	/**
	 * Writes a new case, its reporter and its first entry, and claims the idempotency
	 * key, in one statement.
	 * @param prefix the district's case prefix (QX), for the reference number
	 * @return the case, or empty when the key was claimed before (by this request sent
	 * earlier, or a different one)
	 */
	public Optional<Case> insert(Intake intake, String prefix, Case.@Nullable Reporter reporter, @Nullable Claim claim,
			String searchTerms) {
		return insert(intake, prefix, reporter, claim, searchTerms, null);
	}

	/**
	 * {@link #insert}, taking a reference number reserved for the person earlier when it
	 * is theirs and still free (else the next number of the year, as usual).
	 */
	public Optional<Case> insert(Intake intake, String prefix, Case.@Nullable Reporter reporter, @Nullable Claim claim,
			String searchTerms, @Nullable String reserved) {
		int year = intake.receivedAt().atZone(zone).getYear();
		String sequence = referenceSequence(prefix, year);
		Entry first = intake.received();
		// The key is claimed first: a concurrent request with the same key waits on it
		// until this one commits, then inserts nothing and finds this case. (Foreign keys
		// are checked at the end of the statement, when the case exists.)
		Map.Entry<Case, Long> row = jdbc.sql("""
				with i as (select nextval('case_file_id_seq') as id),
				k as (
				  insert into case_idempotency (account_id, key, request_hash, case_id)
				  select :account, :key, :hash, id from i where cast(:key as text) is not null
				  on conflict do nothing
				  returning case_id),
				v as (
				  update case_reference_reservation set case_id = (select id from i), used_at = :now
				  where reference = :reserved and account_id = :recordedBy and case_id is null
				    and (cast(:key as text) is null or exists (select 1 from k))
				  returning reference),
				c as (
				  insert into case_file (id, reference, village_id, township_id, received_term_id, responsible_term_id,
				    source, case_type, category, urgency, title, description, location, public_title, state,
				    received_at, first_contact_due, resolution_due, recorded_by, recorded_by_member, last_event_seq,
				    updated_at, search)
				  select i.id, coalesce((select reference from v),
				    :prefix || (select case when n < 100000 then lpad(n::text, 5, '0') else n::text end
				                from nextval(cast(:sequence as regclass)) n)),
				    :village, :township, :receivedTerm, :responsibleTerm, :source, :type, :category, :urgency, :title,
				    :description, :location, :publicTitle, :state, :now, :firstContactDue, :resolutionDue,
				    :recordedBy, :member, :seq, :now, to_tsvector('simple', :terms)
				  from i where cast(:key as text) is null or exists (select 1 from k)
				  returning *),
				r as (
				  insert into case_reporter (case_id, name, phone, household, consent)
				  select id, :reporterName, :reporterPhone, :reporterHousehold, :consent from c where :hasReporter),
				e as (
				  insert into case_event (case_id, seq, kind, at, actor_id, actor_name, to_state, data, public)
				  select id, :seq, :kind, :now, :actorId, :actorName, :state, cast(:data as jsonb), :public from c
				  returning id)
				select c.*, (select id from e) as first_event_id from c""")
			.param("prefix", prefix + "-" + year + "-")
			.param("sequence", sequence)
			.param("reserved", reserved, Types.VARCHAR)
			.param("village", intake.villageId().value())
			.param("township", intake.townshipId().value())
			.param("receivedTerm", Ids.value(intake.receivedTermId()), Types.BIGINT)
			.param("responsibleTerm", Ids.value(intake.responsibleTermId()), Types.BIGINT)
			.param("source", intake.source().name())
			.param("type", intake.type().name())
			.param("category", intake.category())
			.param("urgency", intake.urgency().name())
			.param("title", intake.title())
			.param("description", intake.description(), Types.VARCHAR)
			.param("location", intake.location(), Types.VARCHAR)
			.param("publicTitle", intake.publicTitle())
			.param("state", CaseState.RECEIVED.name())
			.param("now", ts(intake.receivedAt()))
			.param("firstContactDue", ts(intake.due().firstContact()))
			.param("resolutionDue", ts(intake.due().resolution()))
			.param("recordedBy", Ids.value(intake.recordedBy().accountId()), Types.BIGINT)
			.param("member", Ids.value(intake.recordedByMember()), Types.BIGINT)
			.param("terms", searchTerms)
			.param("reporterName", (reporter != null) ? reporter.name() : null, Types.VARCHAR)
			.param("reporterPhone", (reporter != null) ? reporter.phone() : null, Types.VARCHAR)
			.param("reporterHousehold", (reporter != null) ? reporter.household() : null, Types.VARCHAR)
			.param("consent", reporter != null && reporter.consent())
			.param("hasReporter", reporter != null)
			.param("seq", first.seq())
			.param("kind", first.kind().name())
			.param("actorId", Ids.value(first.actor().accountId()), Types.BIGINT)
			.param("actorName", first.actor().name())
			.param("data", json.writeValueAsString(first.data()))
			.param("public", first.isPublic())
			.param("account", (claim != null) ? claim.accountId().value() : null, Types.BIGINT)
			.param("key", (claim != null) ? claim.key() : null, Types.VARCHAR)
			.param("hash", (claim != null) ? claim.requestHash() : null, Types.VARCHAR)
			.query((rs, n) -> Map.entry(CaseRows.CASE.mapRow(rs, n), rs.getLong("first_event_id")))
			.optional()
			.orElse(null);
		if (row == null) {
			return Optional.empty();
		}
		Case inserted = row.getKey();
		CaseId id = inserted.id();
		events.publishEvent(new CaseTimelineAppended(id, inserted.reference(),
				List.of(first.toEvent(row.getValue(), id, null, CaseState.RECEIVED, null))));
		events.publishEvent(new CaseRecorded(id, inserted.reference(), intake.villageId(), intake.townshipId(),
				intake.urgency(), intake.source(), intake.receivedAt(), intake.meetingId()));
		events
			.publishEvent(new CaseStateChanged(id, inserted.reference(), intake.villageId(), null, CaseState.RECEIVED));
		return Optional.of(inserted);
	}

	/**
	 * The case an earlier request with the same idempotency key recorded, if it was the
	 * same request.
	 * @return the case id, or empty when the key was used for a different request
	 */
	public Optional<CaseId> claimed(Claim claim) {
		return jdbc.sql("select request_hash, case_id from case_idempotency where account_id = ? and key = ?")
			.params(claim.accountId().value(), claim.key())
			.query((rs, n) -> claim.requestHash().equals(rs.getString("request_hash"))
					? CaseId.of(rs.getLong("case_id")) : null)
			.optional();
	}

	/**
	 * The case, locked until the transaction ends: changes of one case are made one after
	 * the other.
	 * @throws CaseNotFoundException when there is no such case
	 */
	public CaseFile lock(CaseId id) {
		return jdbc.sql("select * from case_file where id = ? for update")
			.param(id.value())
			.query(CaseRows.CASE)
			.optional()
			.map(CaseFile::of)
			.orElseThrow(() -> new CaseNotFoundException(String.valueOf(id)));
	}

	/**
	 * Reference numbers for the person to give out while their phone has no signal: the
	 * free ones they hold, topped up from the year's sequence to {@code count}.
	 */
	public List<String> reserve(AccountId account, String prefix, int year, int count, Instant now) {
		String sequence = referenceSequence(prefix, year);
		String start = prefix + "-" + year + "-";
		List<String> free = jdbc
			.sql("select reference from case_reference_reservation where account_id = ? and case_id is null "
					+ "and reference like ? order by reference")
			.params(account.value(), start + "%")
			.query(String.class)
			.list();
		int missing = count - free.size();
		if (missing > 0) {
			jdbc.sql("""
					insert into case_reference_reservation (reference, account_id, reserved_at)
					select ? || case when n < 100000 then lpad(n::text, 5, '0') else n::text end, ?, ?
					from (select nextval(cast(? as regclass)) n from generate_series(1, ?)) s""")
				.params(start, account.value(), ts(now), sequence, missing)
				.update();
			return reserve(account, prefix, year, count, now);
		}
		return free;
	}

	/** {@link #lock(CaseId)} by reference number. */
	public CaseFile lock(String reference) {
		return jdbc.sql("select * from case_file where reference = ? for update")
			.param(reference.strip().toUpperCase(Locale.ROOT))
			.query(CaseRows.CASE)
			.optional()
			.map(CaseFile::of)
			.orElseThrow(() -> new CaseNotFoundException(reference));
	}

	/**
	 * Locks the open cases of a village that another term does not hold yet, in id order
	 * (the order every writer locks several cases in).
	 */
	public List<CaseFile> lockOpenInVillage(VillageId village, TermId notHeldByTerm) {
		return jdbc
			.sql("""
					select * from case_file where village_id = ? and state = any(?) and responsible_term_id is distinct from ?
					order by id for update""")
			.params(village.value(), CaseState.names(CaseState.OPEN), notHeldByTerm.value())
			.query(CaseRows.CASE)
			.list()
			.stream()
			.map(CaseFile::of)
			.toList();
	}

	/**
	 * Stores what changed: the case's row, its new entries, and then the events it
	 * registered are published.
	 * @return the case as stored
	 * @throws OptimisticLockingFailureException when another change was stored since the
	 * case was loaded (it was not locked)
	 */
	public Case save(CaseFile file) {
		if (!file.changes().any()) {
			return file.toCase();
		}
		Case c = file.toCase();
		int updated = jdbc
			.sql("""
					update case_file set state = :state, urgency = :urgency, assignee_kind = :assigneeKind,
					  assignee_member_id = :assigneeMember, assignee_unit_id = :assigneeUnit, assignee_name = :assigneeName,
					  progress = :progress, first_contact_due = :firstContactDue, resolution_due = :resolutionDue,
					  first_contact_at = :firstContactAt, resolved_at = :resolvedAt, closed_at = :closedAt, result = :result,
					  satisfaction = :satisfaction, merged_into_id = :mergedInto, decline_reason = :declineReason,
					  escalation_level = :escalationLevel, funding_requested = :fundingRequested,
					  funding_approved = :fundingApproved, funding_source = :fundingSource,
					  funding_approved_by = :fundingApprovedBy, reopened_count = :reopenedCount,
					  responsible_term_id = :responsibleTerm, last_event_seq = :seq, updated_at = :updatedAt,
					  public_title = :publicTitle
					where id = :id and last_event_seq = :loadedSeq""")
			.param("state", c.state().name())
			.param("urgency", c.urgency().name())
			.param("assigneeKind", (c.assignee() != null) ? c.assignee().kind().name() : null, Types.VARCHAR)
			.param("assigneeMember", (c.assignee() != null) ? Ids.value(c.assignee().memberId()) : null, Types.BIGINT)
			.param("assigneeUnit", (c.assignee() != null) ? Ids.value(c.assignee().unitId()) : null, Types.BIGINT)
			.param("assigneeName", (c.assignee() != null) ? c.assignee().name() : null, Types.VARCHAR)
			.param("progress", c.progress())
			.param("firstContactDue", ts(c.firstContactDue()))
			.param("resolutionDue", ts(c.resolutionDue()))
			.param("firstContactAt", tsOrNull(c.firstContactAt()), Types.TIMESTAMP)
			.param("resolvedAt", tsOrNull(c.resolvedAt()), Types.TIMESTAMP)
			.param("closedAt", tsOrNull(c.closedAt()), Types.TIMESTAMP)
			.param("result", c.result(), Types.VARCHAR)
			.param("satisfaction", (c.satisfaction() != null) ? c.satisfaction().name() : null, Types.VARCHAR)
			.param("mergedInto", Ids.value(c.mergedIntoId()), Types.BIGINT)
			.param("declineReason", c.declineReason(), Types.VARCHAR)
			.param("escalationLevel", c.escalationLevel())
			.param("fundingRequested", c.fundingRequested(), Types.NUMERIC)
			.param("fundingApproved", c.fundingApproved(), Types.NUMERIC)
			.param("fundingSource", c.fundingSource(), Types.VARCHAR)
			.param("fundingApprovedBy", c.fundingApprovedBy(), Types.VARCHAR)
			.param("reopenedCount", c.reopenedCount())
			.param("responsibleTerm", Ids.value(c.responsibleTermId()), Types.BIGINT)
			.param("seq", c.lastEventSeq())
			.param("publicTitle", c.publicTitle())
			.param("updatedAt", ts(c.updatedAt()))
			.param("id", c.id().value())
			.param("loadedSeq", file.changes().loadedSeq())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("case " + c.reference() + " changed since it was read");
		}
		List<CaseEvent> appended = append(c.id(), file.changes().entries());
		if (file.searchTextChanged()) {
			reindex(c);
		}
		events.publishEvent(new CaseTimelineAppended(c.id(), c.reference(), appended));
		file.changes().events().forEach(events::publishEvent);
		return c;
	}

	private List<CaseEvent> append(CaseId caseId, List<Entry> entries) {
		List<Object[]> rows = new ArrayList<>(entries.size());
		for (Entry e : entries) {
			rows.add(new Object[] { caseId.value(), e.seq(), e.kind().name(), ts(e.at()),
					Ids.value(e.actor().accountId()), e.actor().name(), (e.from() != null) ? e.from().name() : null,
					(e.to() != null) ? e.to().name() : null, e.reason(), json.writeValueAsString(e.data()),
					e.isPublic() });
		}
		StringBuilder sql = new StringBuilder("""
				insert into case_event (case_id, seq, kind, at, actor_id, actor_name, from_state, to_state, reason,
				data, public) values """);
		List<Object> params = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			sql.append((i == 0) ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)");
			params.addAll(Arrays.asList(rows.get(i)));
		}
		sql.append(" returning seq, id");
		Map<Integer, Long> ids = new HashMap<>();
		jdbc.sql(sql.toString()).params(params).query((rs) -> {
			ids.put(rs.getInt("seq"), rs.getLong("id"));
		});
		List<CaseEvent> appended = new ArrayList<>(entries.size());
		for (Entry e : entries) {
			appended.add(e.toEvent(ids.get(e.seq()), caseId, e.from(), e.to(), e.reason()));
		}
		return appended;
	}

	/** Photos are rows of their own, owned by the case: the store writes them too. */
	public PhotoId insertPhoto(CaseId caseId, String phase, String contentType, byte[] original, byte[] publicCopy,
			AccountId uploadedBy, Instant at) {
		return PhotoId.of(jdbc.sql("""
				insert into case_photo (case_id, phase, content_type, original, public_copy, size_bytes, uploaded_by,
				uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(caseId.value(), phase, contentType, original, publicCopy, original.length, uploadedBy.value(),
					ts(at))
			.query(Long.class)
			.single());
	}

	/**
	 * Search terms: the case's words and its public notes and result; never the reporter.
	 */
	private void reindex(Case c) {
		CaseCategory category = cases.category(c.category()).orElseThrow();
		String village = places.village(c.villageId()).map(Village::name).orElse("");
		List<String> notes = jdbc
			.sql("select data ->> 'text' from case_event where case_id = ? and kind = 'NOTE' and public order by seq")
			.param(c.id().value())
			.query(String.class)
			.list();
		jdbc.sql("update case_file set search = to_tsvector('simple', ?) where id = ?")
			.params(text.indexTerms(c.title(), c.description(), c.location(), category.nameZh(), category.nameEn(),
					village, c.result(), String.join("\n", notes)), c.id().value())
			.update();
	}

	/** The words a new case is found by. */
	public String searchTerms(String title, @Nullable String description, @Nullable String location,
			CaseCategory category, String villageName) {
		return text.indexTerms(title, description, location, category.nameZh(), category.nameEn(), villageName);
	}

	/**
	 * The sequence of a district prefix and year, whose next value makes the next
	 * reference number (QX-2026-00123). Each prefix and year has its own PostgreSQL
	 * sequence, so concurrent intakes never wait for each other and never share a number;
	 * a number taken by an intake that then fails is not given again (a gap, never a
	 * duplicate).
	 */
	String referenceSequence(String prefix, int year) {
		String sequence = "case_ref_" + prefix.toLowerCase(Locale.ROOT) + "_" + year;
		if (!sequence.matches("^case_ref_[a-z]{2,6}_[0-9]{4}$")) {
			throw new IllegalStateException("bad case prefix " + prefix);
		}
		if (!knownSequences.contains(sequence)) {
			// the first intake of the year creates the sequence; a concurrent one waits
			// for
			// the lock, then finds it created
			jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(sequence).query().singleRow();
			jdbc.sql("create sequence if not exists " + sequence).update();
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					knownSequences.add(sequence);
				}
			});
		}
		return sequence;
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	private static @Nullable Timestamp tsOrNull(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
