package org.oneweek.bulletin;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.oneweek.bulletin.BulletinEvents.BoardChanged;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseAccess;
import org.oneweek.casework.CaseAccessDeniedException;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseCommands.AddNote;
import org.oneweek.casework.CaseCommands.AssignCase;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseLifecycle;
import org.oneweek.casework.CaseNotFoundException;
import org.oneweek.casework.CaseRuleException;
import org.oneweek.casework.PublicCases;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.oneweek.platform.Texts.blankToNull;

/**
 * Tasks for villagers: the committee (or the team) enlists a villager group or one
 * villager in a case. The case's timeline notes it publicly, naming only who agreed; a
 * group can also be made responsible for the case.
 */
@Service
public class Enlistments {

	private static final RowMapper<Enlistment> ENLISTMENT = Enlistments::map;

	/** The ledger is kept in Chinese, whatever the language of the page. */
	private static final Locale LEDGER = Locale.SIMPLIFIED_CHINESE;

	private final JdbcClient jdbc;

	private final PublicCases cases;

	private final CaseAccess access;

	private final CaseActions actions;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final ZoneId zone;

	Enlistments(JdbcClient jdbc, PublicCases cases, CaseAccess access, CaseActions actions, MessageSource messages,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.access = access;
		this.actions = actions;
		this.messages = messages;
		this.events = events;
		this.zone = clock.getZone();
	}

	/**
	 * Enlists villagers in a case.
	 * @throws CaseAccessDeniedException when the person may not work on the case
	 * @throws CaseRuleException when the group cannot be made responsible now
	 */
	@Transactional
	public long enlist(String reference, EnlistVillagers command, AccountPrincipal me, Instant now) {
		Case c = workable(reference, me, now);
		Enlistment.Kind kind = command.kind();
		String name = command.name().strip();
		String task = command.task().strip();
		boolean namePublic = kind == Enlistment.Kind.GROUP || command.namePublic();
		List<String> publicNames = (kind == Enlistment.Kind.GROUP) ? command.publicNames() : List.of();
		int headcount = (kind == Enlistment.Kind.GROUP) ? Math.max(publicNames.size(), command.headcount()) : 1;
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into bulletin_enlistment (case_id, village_id, kind, name, name_public, public_names, headcount,
				  task, contact_phone, created_at, created_by)
				values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?)""")
			.params(c.id().value(), c.villageId().value(), kind.name(), name, namePublic, arrayLiteral(publicNames),
					headcount, task, blankToNull(command.contactPhone()), Timestamp.from(now), me.displayName())
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		String who = namePublic ? name : messages.getMessage("bulletin.enlist.aVillager", null, LEDGER);
		actions.note(c.reference(),
				AddNote.publicNote(messages.getMessage("bulletin.enlist.note", new Object[] { who, task }, LEDGER)), me,
				now);
		if (command.responsible() && kind == Enlistment.Kind.GROUP) {
			Case current = cases.byReference(c.reference()).orElseThrow();
			if (!CaseLifecycle.allowed(current.state(), CaseLifecycle.Action.ASSIGN)) {
				throw new CaseRuleException("case.refused.ASSIGN", current.state());
			}
			actions.assign(c.reference(), AssignCase.toGroup(name).because(task), me, now);
		}
		events.publishEvent(new BoardChanged(c.villageId()));
		return id;
	}

	/** The villagers' part is over (it stays on record). */
	@Transactional
	public void end(long id, AccountPrincipal me, Instant now) {
		Enlistment enlistment = enlistment(id).orElseThrow(() -> new CaseNotFoundException("enlistment " + id));
		String reference = cases.referenceOf(enlistment.caseId()).orElseThrow();
		Case c = workable(reference, me, now);
		jdbc.sql("update bulletin_enlistment set ended_at = ?, ended_by = ? where id = ? and ended_at is null")
			.params(Timestamp.from(now), me.displayName(), id)
			.update();
		events.publishEvent(new BoardChanged(c.villageId()));
	}

	@Transactional(readOnly = true)
	public Optional<Enlistment> enlistment(long id) {
		return jdbc.sql("select * from bulletin_enlistment where id = ?").param(id).query(ENLISTMENT).optional();
	}

	/** The villagers taking part in each case now, by case. */
	@Transactional(readOnly = true)
	public Map<CaseId, List<Enlistment>> activeOf(Collection<CaseId> caseIds) {
		if (caseIds.isEmpty()) {
			return Map.of();
		}
		Map<CaseId, List<Enlistment>> byCase = new LinkedHashMap<>();
		jdbc.sql("select * from bulletin_enlistment where case_id in (:ids) and ended_at is null order by id")
			.param("ids", Ids.values(caseIds))
			.query(ENLISTMENT)
			.list()
			.forEach((e) -> byCase.computeIfAbsent(e.caseId(), (k) -> new java.util.ArrayList<>()).add(e));
		return byCase;
	}

	/** A village's enlistments, the current ones first. */
	@Transactional(readOnly = true)
	public List<Enlistment> ofVillage(VillageId villageId) {
		return jdbc.sql("""
				select * from bulletin_enlistment where village_id = ?
				order by ended_at is not null, created_at desc limit 200""")
			.param(villageId.value())
			.query(ENLISTMENT)
			.list();
	}

	private Case workable(String reference, AccountPrincipal me, Instant now) {
		Case c = cases.byReference(reference).orElseThrow(() -> new CaseNotFoundException(reference));
		if (!access.permission(me, c, LocalDate.ofInstant(now, zone)).allows(CaseAccess.Operation.ENLIST)) {
			throw new CaseAccessDeniedException(reference);
		}
		return c;
	}

	private static String arrayLiteral(List<String> values) {
		StringBuilder out = new StringBuilder("{");
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return out.append('}').toString();
	}

	private static Enlistment map(ResultSet rs, int n) throws SQLException {
		Array names = rs.getArray("public_names");
		Timestamp ended = rs.getTimestamp("ended_at");
		return new Enlistment(rs.getLong("id"), CaseId.of(rs.getLong("case_id")),
				VillageId.of(rs.getLong("village_id")), Enlistment.Kind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getBoolean("name_public"),
				(names != null) ? Arrays.asList((String[]) names.getArray()) : List.of(), rs.getInt("headcount"),
				rs.getString("task"), rs.getString("contact_phone"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), (ended != null) ? ended.toInstant() : null);
	}

}
