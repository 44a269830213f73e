package org.oneweek.casework;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.oneweek.platform.Digests;
import org.oneweek.casework.CaseAccess.Permission;
import org.oneweek.casework.CaseAccess.Standing;
import org.oneweek.casework.CaseEvents.CaseRecorded;
import org.oneweek.casework.CaseEvents.CaseStateChanged;
import org.oneweek.casework.CaseForms.AssignForm;
import org.oneweek.casework.CaseForms.FundingForm;
import org.oneweek.casework.CaseForms.IntakeForm;
import org.oneweek.casework.CaseForms.NoteForm;
import org.oneweek.casework.CaseLifecycle.Action;
import org.oneweek.casework.internal.PhotoSanitizer;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Members;
import org.oneweek.people.Units;
import org.oneweek.places.District;
import org.oneweek.places.Places;
import org.oneweek.places.Township;
import org.oneweek.places.Village;
import org.oneweek.roster.Term;
import org.oneweek.roster.Terms;
import org.oneweek.roster.TroubleshooterDuty;
import org.oneweek.text.ChineseText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import static org.oneweek.platform.Texts.blankToNull;

/**
 * Records cases and changes them. Every change checks who is asking (for this very case,
 * on this day), is refused if the lifecycle does not allow it, and is appended as an
 * event; the case's current state follows from its events in the same transaction.
 * Methods take the instant of the change so that tests can move time; the web passes the
 * district's clock.
 */
@Service
public class CaseManagement {

	/** The name events carry when the system itself acted (deadlines, hand-over). */
	public static final String SYSTEM = "system";

	/** The name events carry when a villager acted through the public pages. */
	public static final String PUBLIC = "public";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Cases cases;

	private final CaseAccess access;

	private final Deadlines deadlines;

	private final Places places;

	private final Terms terms;

	private final Members members;

	private final Units units;

	private final ChineseText text;

	private final ApplicationEventPublisher events;

	private final ZoneId zone;

	private final Set<String> knownSequences = ConcurrentHashMap.newKeySet();

	CaseManagement(JdbcClient jdbc, JsonMapper json, Cases cases, CaseAccess access, Deadlines deadlines, Places places,
			Terms terms, Members members, Units units, ChineseText text, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.cases = cases;
		this.access = access;
		this.deadlines = deadlines;
		this.places = places;
		this.terms = terms;
		this.members = members;
		this.units = units;
		this.text = text;
		this.events = events;
		this.zone = clock.getZone();
	}

	/**
	 * A case just recorded, or the one an earlier identical request recorded.
	 *
	 * @param caseFile the case as it stands after the intake
	 */
	public record Recorded(long id, String reference, boolean repeated, Case caseFile) {

	}

	/**
	 * Records a new case. With an idempotency key, the same request sent again (a double
	 * tap, a retry after a lost answer) returns the case it created the first time.
	 * @throws CaseAccessDeniedException when the person may not record cases in the
	 * village
	 * @throws CaseRuleException when the key was used for a different request, or a value
	 * is unknown
	 */
	@Transactional
	public Recorded record(IntakeForm form, AccountPrincipal me, Instant now) {
		Village village = places.village(require(form.getVillageId()))
			.orElseThrow(() -> new CaseRuleException("case.village.unknown"));
		Township township = places.township(village.townshipId()).orElseThrow();
		LocalDate today = LocalDate.ofInstant(now, zone);
		Standing standing = access.standing(me, today);
		if (!access.canRecordIn(standing, village.id(), township.id())) {
			throw new CaseAccessDeniedException("new case in village " + village.id());
		}
		CaseCategory category = cases.category(require(form.getCategory()))
			.filter(CaseCategory::active)
			.orElseThrow(() -> new CaseRuleException("case.category.unknown"));
		String key = blankToNull(form.getIdempotencyKey());
		String hash = (key != null) ? Digests.sha256Hex(form.fingerprint()) : null;
		CaseType type = require(form.getType());
		Urgency urgency = require(form.getUrgency());
		CaseSource source = require(form.getSource());
		District district = places.district(township.districtId()).orElseThrow();
		String sequence = referenceSequence(district.casePrefix(), today.getYear());
		Deadlines.Due due = deadlines.due(type, urgency, now);
		Term receivedTerm = terms.ofVillage(village.id(), today).orElse(null);
		Long responsibleTerm = (receivedTerm != null) ? Long.valueOf(receivedTerm.id())
				: standingTerm(village.id(), today);
		String title = require(form.getTitle()).strip();
		String publicTitle = (blankToNull(form.getPublicTitle()) != null) ? form.getPublicTitle().strip() : title;
		boolean hasReporter = blankToNull(form.getReporterName()) != null
				|| blankToNull(form.getReporterPhone()) != null || blankToNull(form.getReporterHousehold()) != null;
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("source", source.name());
		data.put("urgency", urgency.name());
		data.put("type", type.name());
		data.put("category", category.code());
		// One round trip: the idempotency key, the case with its number and search terms,
		// its reporter and its first event. The key is claimed first: a concurrent
		// request
		// with the same key waits on it until this one commits, then inserts nothing and
		// finds this case below. (Foreign keys are checked at the end of the statement,
		// when the case exists.)
		Case inserted = jdbc.sql("""
				with i as (select nextval('case_file_id_seq') as id),
				k as (
				  insert into case_idempotency (account_id, key, request_hash, case_id)
				  select :account, :key, :hash, id from i where cast(:key as text) is not null
				  on conflict do nothing
				  returning case_id),
				c as (
				  insert into case_file (id, reference, village_id, township_id, received_term_id, responsible_term_id,
				    source, case_type, category, urgency, title, description, location, public_title, state,
				    received_at, first_contact_due, resolution_due, recorded_by, recorded_by_member, last_event_seq,
				    updated_at, search)
				  select i.id, :prefix || (select case when n < 100000 then lpad(n::text, 5, '0') else n::text end
				                           from nextval(cast(:sequence as regclass)) n),
				    :village, :township, :receivedTerm, :responsibleTerm, :source, :type, :category, :urgency, :title,
				    :description, :location, :publicTitle, 'RECEIVED', :now, :firstContactDue, :resolutionDue,
				    :account, :member, 1, :now, to_tsvector('simple', :terms)
				  from i where cast(:key as text) is null or exists (select 1 from k)
				  returning *),
				r as (
				  insert into case_reporter (case_id, name, phone, household, consent)
				  select id, :reporterName, :reporterPhone, :reporterHousehold, :consent from c where :hasReporter),
				e as (
				  insert into case_event (case_id, seq, kind, at, actor_id, actor_name, to_state, data, public)
				  select id, 1, 'RECEIVED', :now, :account, :actorName, 'RECEIVED', cast(:data as jsonb), true from c)
				select * from c""")
			.param("prefix", district.casePrefix() + "-" + today.getYear() + "-")
			.param("sequence", sequence)
			.param("village", village.id())
			.param("township", township.id())
			.param("receivedTerm", (receivedTerm != null) ? receivedTerm.id() : null, java.sql.Types.BIGINT)
			.param("responsibleTerm", responsibleTerm, java.sql.Types.BIGINT)
			.param("source", source.name())
			.param("type", type.name())
			.param("category", category.code())
			.param("urgency", urgency.name())
			.param("title", title)
			.param("description", blankToNull(form.getDescription()), java.sql.Types.VARCHAR)
			.param("location", blankToNull(form.getLocation()), java.sql.Types.VARCHAR)
			.param("publicTitle", publicTitle)
			.param("now", ts(now))
			.param("firstContactDue", ts(due.firstContact()))
			.param("resolutionDue", ts(due.resolution()))
			.param("account", me.accountId())
			.param("member", me.memberId(), java.sql.Types.BIGINT)
			.param("terms",
					text.indexTerms(title, form.getDescription(), form.getLocation(), category.nameZh(),
							category.nameEn(), village.name()))
			.param("reporterName", blankToNull(form.getReporterName()), java.sql.Types.VARCHAR)
			.param("reporterPhone", blankToNull(form.getReporterPhone()), java.sql.Types.VARCHAR)
			.param("reporterHousehold", blankToNull(form.getReporterHousehold()), java.sql.Types.VARCHAR)
			.param("consent", form.isReporterConsent())
			.param("hasReporter", hasReporter)
			.param("actorName", me.displayName())
			.param("data", json.writeValueAsString(data))
			.param("key", key, java.sql.Types.VARCHAR)
			.param("hash", hash, java.sql.Types.VARCHAR)
			.query(Cases::mapCase)
			.optional()
			.orElse(null);
		if (inserted == null) {
			return earlier(require(key), require(hash), me);
		}
		events.publishEvent(new CaseRecorded(inserted.id(), inserted.reference(), village.id(), township.id(), urgency,
				source, now));
		events.publishEvent(
				new CaseStateChanged(inserted.id(), inserted.reference(), village.id(), null, CaseState.RECEIVED));
		if (urgency.goesToTroubleshooter()) {
			sendToTroubleshooter(inserted.id(), now, me, today);
			inserted = cases.byId(inserted.id()).orElseThrow();
		}
		return new Recorded(inserted.id(), inserted.reference(), false, inserted);
	}

	/**
	 * The case an earlier request with the same idempotency key recorded, if it was the
	 * same request.
	 */
	private Recorded earlier(String key, String hash, AccountPrincipal me) {
		Map<String, Object> earlier = jdbc.sql("""
				select request_hash, case_id from case_idempotency where account_id = ? and key = ?""")
			.params(me.accountId(), key)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null);
		if (earlier == null || !hash.equals(earlier.get("request_hash")) || earlier.get("case_id") == null) {
			throw new CaseRuleException("case.idempotency.mismatch");
		}
		Case c = cases.byId(((Number) earlier.get("case_id")).longValue()).orElseThrow();
		return new Recorded(c.id(), c.reference(), true, c);
	}

	private void sendToTroubleshooter(long id, Instant now, AccountPrincipal me, LocalDate today) {
		Case c = lock(id);
		TroubleshooterDuty duty = terms.dutyOfTownship(c.townshipId(), today).orElse(null);
		if (duty == null) {
			return;
		}
		String name = members.member(duty.memberId()).map((m) -> m.name()).orElse("");
		assignTo(c, new Case.Assignee(AssigneeKind.TROUBLESHOOTER, duty.memberId(), null, name), null, "urgent", now,
				me.accountId(), me.displayName());
	}

	/**
	 * The term that holds a village's cases when no team serves there this week: the next
	 * published one, else the last one.
	 */
	private @Nullable Long standingTerm(long villageId, LocalDate today) {
		List<Term> all = terms.allOfVillage(villageId);
		Term next = null;
		for (Term term : all) {
			if (term.weekStart().isAfter(today)) {
				next = term;
			}
			else {
				return (next != null) ? next.id() : term.id();
			}
		}
		return (next != null) ? next.id() : null;
	}

	/** Assigns (or reassigns) a case, and raises or lowers its urgency if asked. */
	@Transactional
	public void assign(String reference, AssignForm form, AccountPrincipal me, Instant now) {
		Change change = begin(reference, me, now, Action.ASSIGN);
		Case c = change.c;
		LocalDate today = LocalDate.ofInstant(now, zone);
		Case.Assignee assignee = assignee(c, require(form.getKind()), form, today);
		Urgency urgency = (form.getUrgency() != null) ? form.getUrgency() : c.urgency();
		if (urgency != c.urgency()) {
			Deadlines.Due due = deadlines.due(c.type(), urgency, now);
			jdbc.sql("update case_file set urgency = ?, first_contact_due = least(first_contact_due, ?), "
					+ "resolution_due = least(resolution_due, ?) where id = ?")
				.params(urgency.name(), ts(due.firstContact()), ts(due.resolution()), c.id())
				.update();
			change.event(CaseEvent.Kind.URGENCY_CHANGED, null, null, null,
					Map.of("from", c.urgency().name(), "to", urgency.name()), false);
		}
		change.flush();
		assignTo(lock(c.id()), assignee, blankToNull(form.getReason()), null, now, me.accountId(), me.displayName());
	}

	private Case.Assignee assignee(Case c, AssigneeKind kind, AssignForm form, LocalDate today) {
		return switch (kind) {
			case SECRETARY -> {
				Long memberId = form.getMemberId();
				Term term = terms.ofVillage(c.villageId(), today).orElse(null);
				if (memberId == null || term == null || !term.hasMember(memberId)) {
					throw new CaseRuleException("case.assign.notOnTeam");
				}
				yield new Case.Assignee(kind, memberId, null, members.member(memberId).orElseThrow().name());
			}
			case TROUBLESHOOTER -> {
				TroubleshooterDuty duty = terms.dutyOfTownship(c.townshipId(), today)
					.orElseThrow(() -> new CaseRuleException("case.assign.noTroubleshooter"));
				yield new Case.Assignee(kind, duty.memberId(), null,
						members.member(duty.memberId()).orElseThrow().name());
			}
			case COMMITTEE -> new Case.Assignee(kind, null, null, places.village(c.villageId()).orElseThrow().name());
			case GROUP -> {
				String name = blankToNull(form.getGroupName());
				if (name == null) {
					throw new CaseRuleException("case.assign.groupRequired");
				}
				yield new Case.Assignee(kind, null, null, name.strip());
			}
			case UNIT -> {
				Long unitId = form.getUnitId();
				if (unitId == null) {
					throw new CaseRuleException("case.assign.unitRequired");
				}
				yield new Case.Assignee(kind, null, unitId,
						units.unit(unitId).orElseThrow(() -> new CaseRuleException("case.assign.unitRequired")).name());
			}
		};
	}

	private void assignTo(Case c, Case.Assignee assignee, @Nullable String reason, @Nullable String why, Instant now,
			@Nullable Long actorId, String actorName) {
		CaseState to = CaseLifecycle.next(c.state(), Action.ASSIGN);
		jdbc.sql("""
				update case_file set state = ?, assignee_kind = ?, assignee_member_id = ?, assignee_unit_id = ?,
				assignee_name = ? where id = ?""")
			.params(to.name(), assignee.kind().name(), assignee.memberId(), assignee.unitId(), assignee.name(), c.id())
			.update();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("assigneeKind", assignee.kind().name());
		if (assignee.memberId() != null) {
			data.put("memberId", assignee.memberId());
		}
		if (assignee.unitId() != null) {
			data.put("unitId", String.valueOf(assignee.unitId()));
		}
		data.put("name", assignee.name());
		if (why != null) {
			data.put("why", why);
		}
		Change change = new Change(c, now, actorId, actorName);
		change.event(CaseEvent.Kind.ASSIGNED, c.state(), to, reason, data, true);
		change.flush();
		events.publishEvent(new CaseStateChanged(c.id(), c.reference(), c.villageId(), c.state(), to));
	}

	/** The responsible person has contacted the villager and started work. */
	@Transactional
	public void start(String reference, @Nullable String note, AccountPrincipal me, Instant now) {
		Change change = begin(reference, me, now, Action.START);
		transition(change, Action.START, blankToNull(note), Map.of(), true);
		jdbc.sql("update case_file set first_contact_at = coalesce(first_contact_at, ?) where id = ?")
			.params(ts(now), change.c.id())
			.update();
		change.flush();
	}

	/** Solved: what was done, shown on the board. */
	@Transactional
	public void resolve(String reference, NoteForm form, AccountPrincipal me, Instant now) {
		String result = blankToNull(form.getText());
		if (result == null) {
			throw new CaseRuleException("case.resolve.resultRequired");
		}
		Change change = begin(reference, me, now, Action.RESOLVE);
		transition(change, Action.RESOLVE, null, Map.of("result", result), true);
		jdbc.sql("""
				update case_file set resolved_at = ?, result = ?, progress = 100,
				first_contact_at = coalesce(first_contact_at, ?) where id = ?""")
			.params(ts(now), result, ts(now), change.c.id())
			.update();
		change.flush();
		reindex(change.c.id());
	}

	/** The callback: the villager's satisfaction closes the case. */
	@Transactional
	public void close(String reference, NoteForm form, AccountPrincipal me, Instant now) {
		Satisfaction satisfaction = form.getSatisfaction();
		if (satisfaction == null) {
			throw new CaseRuleException("case.close.satisfactionRequired");
		}
		Change change = begin(reference, me, now, Action.CLOSE);
		transition(change, Action.CLOSE, blankToNull(form.getText()), Map.of("satisfaction", satisfaction.name()),
				true);
		jdbc.sql("update case_file set closed_at = ?, satisfaction = ? where id = ?")
			.params(ts(now), satisfaction.name(), change.c.id())
			.update();
		change.flush();
	}

	/**
	 * Not solved after all (the callback, or the villager came back): work starts again.
	 */
	@Transactional
	public void reopen(String reference, @Nullable String reason, AccountPrincipal me, Instant now) {
		String why = requireReason(reason);
		Change change = begin(reference, me, now, Action.REOPEN);
		transition(change, Action.REOPEN, why, Map.of(), true);
		restartWork(change.c, now);
		change.flush();
	}

	/**
	 * A villager's follow-up through the public pages (the bulletin board): appended to
	 * the timeline as a public event without the villager's words or phone, which stay
	 * private with the follow-up. "Still not fixed" on a resolved or closed case reopens
	 * it for review. The public has no account: the events carry {@link #PUBLIC}.
	 * @param type the kind of follow-up, as the bulletin board names it
	 * @return whether the case was reopened
	 * @throws CaseNotFoundException when there is no such case
	 */
	@Transactional
	public boolean recordPublicFollowUp(String reference, String type, boolean notFixed, Instant now) {
		Case found = cases.byReference(reference).orElseThrow(() -> new CaseNotFoundException(reference));
		Case c = lock(found.id());
		Change change = new Change(c, now, null, PUBLIC);
		change.event(CaseEvent.Kind.FOLLOW_UP, null, null, null, Map.of("type", type), true);
		boolean reopen = notFixed && (c.state() == CaseState.RESOLVED || c.state() == CaseState.CLOSED);
		if (reopen) {
			transition(change, Action.REOPEN, null, Map.of("by", "FOLLOW_UP"), true);
			restartWork(c, now);
		}
		change.flush();
		return reopen;
	}

	/** Work starts again: new deadlines, no result, no satisfaction. */
	private void restartWork(Case c, Instant now) {
		Deadlines.Due due = deadlines.due(c.type(), c.urgency(), now);
		jdbc.sql("""
				update case_file set resolved_at = null, closed_at = null, satisfaction = null, result = null,
				decline_reason = null, progress = 0, reopened_count = reopened_count + 1, escalation_level = 0,
				first_contact_due = ?, resolution_due = ?, first_contact_at = null where id = ?""")
			.params(ts(due.firstContact()), ts(due.resolution()), c.id())
			.update();
	}

	/** Declined with a reason (e.g. referred elsewhere, not a matter for the program). */
	@Transactional
	public void decline(String reference, @Nullable String reason, AccountPrincipal me, Instant now) {
		String why = requireReason(reason);
		Change change = begin(reference, me, now, Action.DECLINE);
		transition(change, Action.DECLINE, why, Map.of(), true);
		jdbc.sql("update case_file set decline_reason = ? where id = ?").params(why, change.c.id()).update();
		change.flush();
	}

	/** A duplicate of another case: merged into it, and the other case notes it. */
	@Transactional
	public void merge(String reference, String intoReference, @Nullable String reason, AccountPrincipal me,
			Instant now) {
		Case into = cases.byReference(intoReference)
			.orElseThrow(() -> new CaseRuleException("case.merge.unknownTarget", intoReference));
		if (into.reference().equals(reference.strip().toUpperCase(Locale.ROOT))) {
			throw new CaseRuleException("case.merge.self");
		}
		if (into.state() == CaseState.MERGED) {
			throw new CaseRuleException("case.merge.targetMerged", into.reference());
		}
		Change change = begin(reference, me, now, Action.MERGE);
		if (into.villageId() != change.c.villageId()) {
			throw new CaseRuleException("case.merge.otherVillage");
		}
		transition(change, Action.MERGE, blankToNull(reason), Map.of("into", into.reference()), true);
		jdbc.sql("update case_file set merged_into_id = ? where id = ?").params(into.id(), change.c.id()).update();
		change.flush();
		Change target = new Change(lock(into.id()), now, me.accountId(), me.displayName());
		target.event(CaseEvent.Kind.MERGED_FROM, null, null, null, Map.of("from", change.c.reference()), true);
		target.flush();
	}

	/** A progress note, public (shown on the board) or internal, with a percentage. */
	@Transactional
	public void note(String reference, NoteForm form, AccountPrincipal me, Instant now) {
		String note = blankToNull(form.getText());
		Integer progress = form.getProgress();
		if (note == null && progress == null) {
			throw new CaseRuleException("case.note.empty");
		}
		Change change = begin(reference, me, now, null);
		if (!change.c.state().isOpen() && progress != null) {
			throw new CaseRuleException("case.progress.notOpen");
		}
		if (note != null) {
			change.event(CaseEvent.Kind.NOTE, null, null, null, Map.of("text", note), form.isPublicNote());
		}
		if (progress != null && progress != change.c.progress()) {
			change.event(CaseEvent.Kind.PROGRESS, null, null, null, Map.of("percent", progress), true);
			jdbc.sql("update case_file set progress = ? where id = ?").params(progress, change.c.id()).update();
		}
		change.flush();
		if (note != null && form.isPublicNote()) {
			reindex(change.c.id());
		}
	}

	/**
	 * Adds a photo. The content decides the type (JPEG or PNG), not the file name; the
	 * public copy carries no EXIF metadata (no location).
	 */
	@Transactional
	public long addPhoto(String reference, CasePhoto.Phase phase, byte[] content, AccountPrincipal me, Instant now) {
		PhotoSanitizer.Clean clean = PhotoSanitizer.clean(content);
		Change change = begin(reference, me, now, null);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into case_photo (case_id, phase, content_type, original, public_copy, size_bytes, uploaded_by,
				uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(change.c.id(), phase.name(), clean.contentType(), content, clean.publicCopy(), content.length,
					me.accountId(), ts(now))
			.update(keys, "id");
		long photoId = keys.getKeyAs(Long.class);
		change.event(CaseEvent.Kind.PHOTO, null, null, null, Map.of("photoId", photoId, "phase", phase.name()), true);
		change.flush();
		return photoId;
	}

	/** Adds a photo to a case recorded in the same request (the intake form's photo). */
	@Transactional
	public long addIntakePhoto(long caseId, byte[] content, AccountPrincipal me, Instant now) {
		Case c = cases.byId(caseId).orElseThrow(() -> new CaseNotFoundException(String.valueOf(caseId)));
		return addPhoto(c.reference(), CasePhoto.Phase.INTAKE, content, me, now);
	}

	/** Money asked for (from the street, the district, a fund). */
	@Transactional
	public void requestFunding(String reference, FundingForm form, AccountPrincipal me, Instant now) {
		Change change = begin(reference, me, now, null);
		requireOpen(change.c);
		BigDecimal amount = require(form.getAmount());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("amount", amount.toPlainString());
		putIfPresent(data, "source", form.getSource());
		putIfPresent(data, "note", form.getNote());
		change.event(CaseEvent.Kind.FUNDING_REQUESTED, null, null, null, data, true);
		jdbc.sql(
				"update case_file set funding_requested = ?, funding_source = coalesce(?, funding_source) where id = ?")
			.params(amount, blankToNull(form.getSource()), change.c.id())
			.update();
		change.flush();
	}

	/** Money granted, by whom and from which source. */
	@Transactional
	public void approveFunding(String reference, FundingForm form, AccountPrincipal me, Instant now) {
		String approvedBy = blankToNull(form.getApprovedBy());
		String source = blankToNull(form.getSource());
		if (approvedBy == null || source == null) {
			throw new CaseRuleException("case.funding.approverRequired");
		}
		Change change = begin(reference, me, now, null);
		if (change.permission != Permission.FULL) {
			throw new CaseAccessDeniedException(reference);
		}
		BigDecimal amount = require(form.getAmount());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("amount", amount.toPlainString());
		data.put("source", source);
		data.put("approvedBy", approvedBy);
		putIfPresent(data, "note", form.getNote());
		change.event(CaseEvent.Kind.FUNDING_APPROVED, null, null, null, data, true);
		jdbc.sql("""
				update case_file set funding_approved = ?, funding_source = ?, funding_approved_by = ? where id = ?""")
			.params(amount, source, approvedBy, change.c.id())
			.update();
		change.flush();
	}

	// ---------------------------------------------------------------------------------

	private Change begin(String reference, AccountPrincipal me, Instant now, @Nullable Action action) {
		Case found = cases.byReference(reference).orElseThrow(() -> new CaseNotFoundException(reference));
		Case c = lock(found.id());
		Permission permission = access.permission(me, c, LocalDate.ofInstant(now, zone));
		if (!permission.canWork()) {
			throw new CaseAccessDeniedException(reference);
		}
		if (permission == Permission.UNIT && action != null && !CaseAccess.UNIT_ACTIONS.contains(action)) {
			throw new CaseAccessDeniedException(reference);
		}
		if (action != null) {
			// refuse before anything is written
			CaseLifecycle.next(c.state(), action);
		}
		Change change = new Change(c, now, me.accountId(), me.displayName());
		change.permission = permission;
		return change;
	}

	private void transition(Change change, Action action, @Nullable String reason, Map<String, Object> data,
			boolean isPublic) {
		Case c = change.c;
		CaseState to = CaseLifecycle.next(c.state(), action);
		jdbc.sql("update case_file set state = ? where id = ?").params(to.name(), c.id()).update();
		change.event(kindOf(action), c.state(), to, reason, data, isPublic);
		events.publishEvent(new CaseStateChanged(c.id(), c.reference(), c.villageId(), c.state(), to));
	}

	private static CaseEvent.Kind kindOf(Action action) {
		return switch (action) {
			case ASSIGN -> CaseEvent.Kind.ASSIGNED;
			case START -> CaseEvent.Kind.STARTED;
			case RESOLVE -> CaseEvent.Kind.RESOLVED;
			case CLOSE -> CaseEvent.Kind.CLOSED;
			case REOPEN -> CaseEvent.Kind.REOPENED;
			case MERGE -> CaseEvent.Kind.MERGED;
			case DECLINE -> CaseEvent.Kind.DECLINED;
		};
	}

	Case lock(long id) {
		return jdbc.sql("select * from case_file where id = ? for update")
			.param(id)
			.query(Cases.CASE)
			.optional()
			.orElseThrow(() -> new CaseNotFoundException(String.valueOf(id)));
	}

	/** Starts a change of a locked case (called through the proxy by other services). */
	Change change(Case c, Instant now, @Nullable Long actorId, String actorName) {
		return new Change(c, now, actorId, actorName);
	}

	/**
	 * Appends the events of one change with consecutive numbers after the case's last.
	 */
	final class Change {

		final Case c;

		final Instant now;

		final @Nullable Long actorId;

		final String actorName;

		Permission permission = Permission.FULL;

		int seq;

		Change(Case c, Instant now, @Nullable Long actorId, String actorName) {
			this.c = c;
			this.now = now;
			this.actorId = actorId;
			this.actorName = actorName;
			this.seq = c.lastEventSeq();
		}

		void event(CaseEvent.Kind kind, @Nullable CaseState from, @Nullable CaseState to, @Nullable String reason,
				Map<String, Object> data, boolean isPublic) {
			seq++;
			insertEvent(c.id(), seq, kind, now, actorId, actorName, from, to, reason, data, isPublic);
		}

		void flush() {
			jdbc.sql("update case_file set last_event_seq = ?, updated_at = ? where id = ? and last_event_seq < ?")
				.params(seq, ts(now), c.id(), seq)
				.update();
		}

	}

	void insertEvent(long caseId, int seq, CaseEvent.Kind kind, Instant at, @Nullable Long actorId, String actorName,
			@Nullable CaseState from, @Nullable CaseState to, @Nullable String reason, Map<String, Object> data,
			boolean isPublic) {
		jdbc.sql("""
				insert into case_event (case_id, seq, kind, at, actor_id, actor_name, from_state, to_state, reason,
				data, public) values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""")
			.params(caseId, seq, kind.name(), ts(at), actorId, actorName, (from != null) ? from.name() : null,
					(to != null) ? to.name() : null, reason, json.writeValueAsString(data), isPublic)
			.update();
	}

	/**
	 * Search terms: the case's words and its public notes and result; never the reporter.
	 */
	void reindex(long caseId) {
		Case c = cases.byId(caseId).orElseThrow();
		CaseCategory category = cases.category(c.category()).orElseThrow();
		String village = places.village(c.villageId()).map(Village::name).orElse("");
		List<String> notes = jdbc
			.sql("select data ->> 'text' from case_event where case_id = ? and kind = 'NOTE' and public order by seq")
			.param(caseId)
			.query(String.class)
			.list();
		jdbc.sql("update case_file set search = to_tsvector('simple', ?) where id = ?")
			.params(text.indexTerms(c.title(), c.description(), c.location(), category.nameZh(), category.nameEn(),
					village, c.result(), String.join("\n", notes)), caseId)
			.update();
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

	private void requireOpen(Case c) {
		if (!c.state().isOpen()) {
			throw new CaseRuleException("case.progress.notOpen");
		}
	}

	private static String requireReason(@Nullable String reason) {
		String why = blankToNull(reason);
		if (why == null) {
			throw new CaseRuleException("case.reason.required");
		}
		return why;
	}

	private static <T> T require(@Nullable T value) {
		if (value == null) {
			throw new CaseRuleException("validation.required");
		}
		return value;
	}

	private static void putIfPresent(Map<String, Object> data, String key, @Nullable String value) {
		String v = blankToNull(value);
		if (v != null) {
			data.put(key, v);
		}
	}

	static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

}
