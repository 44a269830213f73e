package org.oneweek.casework.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.AssigneeKind;
import org.oneweek.casework.Case;
import org.oneweek.casework.Case.Assignee;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.CaseType;
import org.oneweek.casework.Satisfaction;
import org.oneweek.casework.Urgency;
import org.oneweek.people.AccountId;
import org.oneweek.people.MemberId;
import org.oneweek.people.UnitId;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.roster.TermId;
import org.springframework.jdbc.core.RowMapper;

/** A row of {@code case_file} as a {@link Case}. */
public final class CaseRows {

	public static final RowMapper<Case> CASE = CaseRows::mapCase;

	private CaseRows() {
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	static Case mapCase(ResultSet rs, int n) throws SQLException {
		String assigneeKind = rs.getString("assignee_kind");
		Assignee assignee = (assigneeKind != null) ? new Assignee(AssigneeKind.valueOf(assigneeKind),
				Ids.nullable(rs.getObject("assignee_member_id", Long.class), MemberId::of),
				Ids.nullable(rs.getObject("assignee_unit_id", Long.class), UnitId::of), rs.getString("assignee_name"))
				: null;
		String satisfaction = rs.getString("satisfaction");
		return new Case(CaseId.of(rs.getLong("id")), rs.getString("reference"), VillageId.of(rs.getLong("village_id")),
				TownshipId.of(rs.getLong("township_id")),
				Ids.nullable(rs.getObject("received_term_id", Long.class), TermId::of),
				Ids.nullable(rs.getObject("responsible_term_id", Long.class), TermId::of),
				CaseSource.valueOf(rs.getString("source")), CaseType.valueOf(rs.getString("case_type")),
				rs.getString("category"), Urgency.valueOf(rs.getString("urgency")), rs.getString("title"),
				rs.getString("description"), rs.getString("location"), rs.getString("public_title"),
				CaseState.valueOf(rs.getString("state")), assignee, rs.getInt("progress"),
				rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("first_contact_due").toInstant(),
				rs.getTimestamp("resolution_due").toInstant(), instant(rs, "first_contact_at"),
				instant(rs, "resolved_at"), instant(rs, "closed_at"), rs.getString("result"),
				(satisfaction != null) ? Satisfaction.valueOf(satisfaction) : null,
				Ids.nullable(rs.getObject("merged_into_id", Long.class), CaseId::of), rs.getString("decline_reason"),
				rs.getInt("escalation_level"), rs.getObject("funding_requested", BigDecimal.class),
				rs.getObject("funding_approved", BigDecimal.class), rs.getString("funding_source"),
				rs.getString("funding_approved_by"), rs.getInt("reopened_count"),
				AccountId.of(rs.getLong("recorded_by")),
				Ids.nullable(rs.getObject("recorded_by_member", Long.class), MemberId::of), rs.getInt("last_event_seq"),
				rs.getTimestamp("updated_at").toInstant());
	}

}
