package org.oneweek.diary;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseAccess;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseCommands.AddNote;
import org.oneweek.casework.CaseCommands.RecordCase;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseIntake;
import org.oneweek.casework.CasePhoto;
import org.oneweek.casework.CasePhotos;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.CaseType;
import org.oneweek.casework.Cases;
import org.oneweek.casework.Urgency;
import org.oneweek.diary.Inspection.Finding;
import org.oneweek.diary.internal.TermLookup;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.MemberId;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.roster.Term;
import org.oneweek.roster.TermId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.oneweek.platform.Texts.blankToNull;

/**
 * Inspection walks and their findings. A finding becomes a case through the ledger's
 * intake (source: inspection, with its photo), or is linked to a case already recorded
 * (its photo added to the case as a "before" photo, and the finding noted on its
 * timeline).
 */
@Service
public class Inspections {

	/** The largest photo accepted, as the ledger accepts. */
	public static final int MAX_PHOTO_BYTES = 8 * 1024 * 1024;

	private final JdbcClient jdbc;

	private final Cases cases;

	private final CaseIntake intake;

	private final CaseActions actions;

	private final CasePhotos photos;

	private final CaseAccess caseAccess;

	private final TermLookup lookup;

	private final DiaryAccess access;

	private final TeamDays days;

	private final org.springframework.context.ApplicationEventPublisher events;

	Inspections(JdbcClient jdbc, Cases cases, CaseIntake intake, CaseActions actions, CasePhotos photos,
			CaseAccess caseAccess, TermLookup lookup, DiaryAccess access, TeamDays days,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.cases = cases;
		this.intake = intake;
		this.actions = actions;
		this.photos = photos;
		this.caseAccess = caseAccess;
		this.lookup = lookup;
		this.access = access;
		this.days = days;
	}

	/**
	 * A team member records an inspection walk of a day of their term.
	 * @throws DiaryAccessDeniedException when they do not serve that day
	 * @throws DiaryRuleException when the day has not come or is past recording
	 */
	@Transactional
	public InspectionId record(RecordInspection walk, AccountPrincipal me, Instant now) {
		return record(walk, null, me, now);
	}

	/**
	 * As {@link #record(RecordInspection, AccountPrincipal, Instant)}, once per key: the
	 * same form sent again by the same person answers the walk the first sending
	 * recorded.
	 * @param idempotencyKey made when the form was shown, or on the phone; none records
	 * every time
	 */
	@Transactional
	public InspectionId record(RecordInspection walk, @Nullable String idempotencyKey, AccountPrincipal me,
			Instant now) {
		LocalDate day = walk.day();
		Term term = days.termOf(me, day);
		days.requireOpen(day, now, "diary.dayClosed");
		String key = SubmissionKeys.of(idempotencyKey);
		Optional<Long> inserted = jdbc.sql("""
				insert into inspection (term_id, village_id, day, route, officials, notes, recorded_by,
				  recorded_by_name, recorded_at, idempotency_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (recorded_by, idempotency_key) where idempotency_key is not null do nothing
				returning id""")
			.params(term.id().value(), term.villageId().value(), day, blankToNull(walk.route()),
					blankToNull(walk.officials()), blankToNull(walk.notes()), me.accountId().value(), me.displayName(),
					Timestamp.from(now), key)
			.query(Long.class)
			.optional();
		if (inserted.isEmpty()) {
			// sent before: the row is there (the statement waited for the first to
			// commit)
			return InspectionId.of(jdbc.sql("select id from inspection where recorded_by = ? and idempotency_key = ?")
				.params(me.accountId().value(), key)
				.query(Long.class)
				.single());
		}
		InspectionId id = InspectionId.of(inserted.get());
		for (MemberId memberId : TeamDays.present(term, walk.memberIds(), me.memberId())) {
			jdbc.sql("insert into inspection_member (inspection_id, member_id) values (?, ?)")
				.params(id.value(), memberId.value())
				.update();
		}
		return id;
	}

	/**
	 * Records a finding with its photo (optional) and, as the command says, makes it a
	 * case or links it to one.
	 * @throws DiaryRuleException when the photo is not a JPEG or PNG, the case is unknown
	 * or another village's
	 */
	@Transactional
	public long addFinding(InspectionId inspectionId, RecordFinding finding, byte @Nullable [] photo,
			AccountPrincipal me, Instant now) {
		return addFinding(inspectionId, finding, photo, null, me, now);
	}

	/**
	 * As
	 * {@link #addFinding(InspectionId, RecordFinding, byte[], AccountPrincipal, Instant)},
	 * once per key: the same form sent again by the same person answers the finding the
	 * first sending recorded, and makes no second case.
	 */
	@Transactional
	public long addFinding(InspectionId inspectionId, RecordFinding finding, byte @Nullable [] photo,
			@Nullable String idempotencyKey, AccountPrincipal me, Instant now) {
		Inspection inspection = writable(inspectionId, me, now);
		String key = SubmissionKeys.of(idempotencyKey);
		String photoType = null;
		if (photo != null && photo.length > 0) {
			photoType = photoType(photo);
		}
		Optional<Long> inserted = jdbc.sql("""
				insert into inspection_finding (inspection_id, text, details, location, photo, photo_type, recorded_by,
				  recorded_at, idempotency_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (recorded_by, idempotency_key) where idempotency_key is not null do nothing
				returning id""")
			.params(inspectionId.value(), finding.text().strip(), blankToNull(finding.details()),
					blankToNull(finding.location()), (photoType != null) ? photo : null, photoType,
					me.accountId().value(), Timestamp.from(now), key)
			.query(Long.class)
			.optional();
		if (inserted.isEmpty()) {
			return jdbc.sql("select id from inspection_finding where recorded_by = ? and idempotency_key = ?")
				.params(me.accountId().value(), key)
				.query(Long.class)
				.single();
		}
		long findingId = inserted.get();
		changed(inspection);
		switch (finding.outcome()) {
			case NEW_CASE -> makeCase(inspection, findingId, finding.text(), finding.details(), finding.location(),
					finding.category(), finding.urgency(), me, now);
			case LINK -> link(inspection, findingId, finding.reference(), me, now);
			case NOTE -> {
			}
		}
		return findingId;
	}

	/** A finding only noted so far becomes a case, or is linked to one. */
	@Transactional
	public void decide(long findingId, DecideFinding decision, AccountPrincipal me, Instant now) {
		InspectionId inspectionId = jdbc.sql("select inspection_id from inspection_finding where id = ? for update")
			.param(findingId)
			.query(Long.class)
			.optional()
			.map(InspectionId::of)
			.orElseThrow(() -> new DiaryNotFoundException("finding"));
		Inspection inspection = writable(inspectionId, me, now);
		Finding finding = inspection.findings().stream().filter((f) -> f.id() == findingId).findFirst().orElseThrow();
		if (finding.caseId() != null) {
			throw new DiaryRuleException("diary.finding.hasCase");
		}
		changed(inspection);
		switch (decision.outcome()) {
			case NEW_CASE -> makeCase(inspection, findingId, finding.text(), finding.details(), finding.location(),
					decision.category(), decision.urgency(), me, now);
			case LINK -> link(inspection, findingId, decision.reference(), me, now);
			case NOTE -> {
			}
		}
	}

	private void changed(Inspection inspection) {
		events.publishEvent(new DiaryEvents.FindingsChanged(inspection.termId(), inspection.villageId(),
				org.oneweek.platform.Weeks.mondayOf(inspection.day())));
	}

	/** The finding (its text the title) becomes a case of the inspection's village. */
	private void makeCase(Inspection inspection, long findingId, String title, @Nullable String details,
			@Nullable String location, @Nullable String category, @Nullable Urgency urgency, AccountPrincipal me,
			Instant now) {
		if (category == null || cases.category(category).isEmpty()) {
			throw new DiaryRuleException("diary.finding.category.required");
		}
		// the same finding never makes two cases, whatever is retried
		RecordCase command = RecordCase.of(inspection.villageId(), category, title)
			.withSource(CaseSource.INSPECTION)
			.withType(CaseType.HELP)
			.withUrgency((urgency != null) ? urgency : Urgency.NORMAL)
			.withDescription(blankToNull(details))
			.withLocation(blankToNull(location))
			.withIdempotencyKey("inspection-finding-" + findingId);
		CaseIntake.Recorded recorded = intake.record(command, me, now);
		byte[] photo = photo(findingId).orElse(null);
		if (photo != null && !recorded.repeated()) {
			photos.addAtIntake(recorded.id(), photo, me, now);
		}
		setCase(findingId, recorded.id(), now);
	}

	private void link(Inspection inspection, long findingId, @Nullable String reference, AccountPrincipal me,
			Instant now) {
		String ref = blankToNull(reference);
		if (ref == null) {
			throw new DiaryRuleException("diary.case.referenceRequired");
		}
		Case c = cases.byReference(ref).orElseThrow(() -> new DiaryRuleException("diary.case.unknown", ref));
		if (!c.villageId().equals(inspection.villageId())
				|| !caseAccess.permission(me, c, inspection.day()).canRead()) {
			throw new DiaryRuleException("diary.case.otherVillage", c.reference());
		}
		Finding finding = findings(inspection.id()).stream()
			.filter((f) -> f.id() == findingId)
			.findFirst()
			.orElseThrow();
		if (caseAccess.permission(me, c, LocalDate.ofInstant(now, days.zone())).canWork()) {
			// what the walk found joins the case's timeline, with its photo
			actions.note(c.reference(),
					AddNote.internalNote(finding.text() + ((finding.details() != null) ? "：" + finding.details() : "")
							+ ((finding.location() != null) ? "（" + finding.location() + "）" : "")),
					me, now);
			byte[] photo = photo(findingId).orElse(null);
			if (photo != null) {
				photos.add(c.reference(), CasePhoto.Phase.BEFORE, photo, me, now);
			}
		}
		setCase(findingId, c.id(), now);
	}

	private void setCase(long findingId, CaseId caseId, Instant now) {
		jdbc.sql("update inspection_finding set case_id = ?, case_linked_at = ? where id = ?")
			.params(caseId.value(), Timestamp.from(now), findingId)
			.update();
	}

	/**
	 * The inspection, if the person may read it.
	 * @throws DiaryNotFoundException when there is no such inspection
	 * @throws DiaryAccessDeniedException when they may not read it
	 */
	@Transactional(readOnly = true)
	public Inspection readable(InspectionId inspectionId, AccountPrincipal me) {
		Inspection inspection = inspection(inspectionId).orElseThrow(() -> new DiaryNotFoundException("inspection"));
		Term term = lookup.term(inspection.termId()).orElseThrow(() -> new DiaryNotFoundException("term"));
		if (!access.canRead(me, term)) {
			throw new DiaryAccessDeniedException("inspection " + inspectionId);
		}
		return inspection;
	}

	/** Whether the person may still add to the inspection (a team member, while open). */
	@Transactional(readOnly = true)
	public boolean canChange(Inspection inspection, AccountPrincipal me, Instant now) {
		return lookup.term(inspection.termId()).filter((t) -> access.onTeam(me, t)).isPresent()
				&& DiaryRules.isOpen(inspection.day(), now, days.zone());
	}

	private Inspection writable(InspectionId inspectionId, AccountPrincipal me, Instant now) {
		Inspection inspection = inspection(inspectionId).orElseThrow(() -> new DiaryNotFoundException("inspection"));
		Term term = lookup.term(inspection.termId()).orElseThrow(() -> new DiaryNotFoundException("term"));
		if (!access.onTeam(me, term)) {
			throw new DiaryAccessDeniedException("inspection " + inspectionId);
		}
		days.requireOpen(inspection.day(), now, "diary.dayClosed");
		return inspection;
	}

	@Transactional(readOnly = true)
	public Optional<Inspection> inspection(InspectionId id) {
		return jdbc.sql("select * from inspection where id = ?").param(id.value()).query(this::map).optional();
	}

	@Transactional(readOnly = true)
	public List<Inspection> ofTerm(TermId termId) {
		return jdbc.sql("select * from inspection where term_id = ? order by day, id")
			.param(termId.value())
			.query(this::map)
			.list();
	}

	@Transactional(readOnly = true)
	public List<Inspection> ofTermOn(TermId termId, LocalDate day) {
		return jdbc.sql("select * from inspection where term_id = ? and day = ? order by id")
			.params(termId.value(), day)
			.query(this::map)
			.list();
	}

	/** A finding's photo as taken, with its type. */
	public record Photo(String contentType, byte[] content) {

	}

	/** The finding's photo, if the finding belongs to the inspection. */
	@Transactional(readOnly = true)
	public Optional<Photo> findingPhoto(InspectionId inspectionId, long findingId) {
		return jdbc.sql(
				"select photo_type, photo from inspection_finding where id = ? and inspection_id = ? and photo is not null")
			.params(findingId, inspectionId.value())
			.query((rs, n) -> new Photo(rs.getString("photo_type"), rs.getBytes("photo")))
			.optional();
	}

	private Optional<byte[]> photo(long findingId) {
		return jdbc.sql("select photo from inspection_finding where id = ? and photo is not null")
			.param(findingId)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	private List<Finding> findings(InspectionId inspectionId) {
		return jdbc.sql("""
				select id, inspection_id, text, details, location, photo is not null as has_photo, case_id, recorded_at
				from inspection_finding where inspection_id = ? order by id""")
			.param(inspectionId.value())
			.query((rs, n) -> new Finding(rs.getLong("id"), InspectionId.of(rs.getLong("inspection_id")),
					rs.getString("text"), rs.getString("details"), rs.getString("location"), rs.getBoolean("has_photo"),
					Ids.nullable(rs.getObject("case_id", Long.class), CaseId::of),
					rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	private Inspection map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		InspectionId id = InspectionId.of(rs.getLong("id"));
		return new Inspection(id, TermId.of(rs.getLong("term_id")), VillageId.of(rs.getLong("village_id")),
				rs.getObject("day", LocalDate.class), rs.getString("route"), rs.getString("officials"),
				rs.getString("notes"),
				Ids.all(jdbc.sql("select member_id from inspection_member where inspection_id = ? order by member_id")
					.param(id.value())
					.query(Long.class)
					.list(), MemberId::of),
				findings(id), rs.getString("recorded_by_name"), rs.getTimestamp("recorded_at").toInstant());
	}

	/**
	 * The photo's type, by its content.
	 * @throws DiaryRuleException when it is too large or not a JPEG or PNG
	 */
	static String photoType(byte[] b) {
		if (b.length > MAX_PHOTO_BYTES) {
			throw new DiaryRuleException("diary.photo.tooLarge", MAX_PHOTO_BYTES / 1024 / 1024);
		}
		if (b.length > 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
			return "image/jpeg";
		}
		if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
			return "image/png";
		}
		throw new DiaryRuleException("diary.photo.type");
	}

}
