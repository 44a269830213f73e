package org.oneweek.casework.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Actor;
import org.oneweek.casework.CaseEvent;
import org.oneweek.casework.CaseRuleException;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.CaseType;
import org.oneweek.casework.Deadlines.Due;
import org.oneweek.casework.Urgency;
import org.oneweek.people.MemberId;
import org.oneweek.places.TownshipId;
import org.oneweek.places.VillageId;
import org.oneweek.roster.TermId;

import static org.oneweek.platform.Texts.blankToNull;

/**
 * What a new case starts with, checked: the store writes it in one statement (with the
 * reference number it draws) and the first entry, {@code RECEIVED}.
 *
 * @param responsibleTermId the term that holds the case: the team serving in the village
 * this week, else the next (or last) one
 */
public record Intake(VillageId villageId, TownshipId townshipId, @Nullable TermId receivedTermId,
		@Nullable TermId responsibleTermId, CaseSource source, CaseType type, String category, Urgency urgency,
		String title, @Nullable String description, @Nullable String location, String publicTitle, Instant receivedAt,
		Due due, Actor recordedBy, @Nullable MemberId recordedByMember, Map<String, Object> data,
		@Nullable Long meetingId) {

	public Intake {
		data = Map.copyOf(data);
	}

	/** The first entry of the timeline. */
	public Entry received() {
		return new Entry(1, CaseEvent.Kind.RECEIVED, receivedAt, recordedBy, null, CaseState.RECEIVED, null, data,
				true);
	}

	/**
	 * A problem heard, checked, with its deadlines.
	 * @throws CaseRuleException when it has no title
	 */
	public static Intake of(VillageId villageId, TownshipId townshipId, @Nullable TermId receivedTermId,
			@Nullable TermId responsibleTermId, CaseSource source, CaseType type, String category, Urgency urgency,
			@Nullable String title, @Nullable String description, @Nullable String location,
			@Nullable String publicTitle, Instant at, DueDates dueDates, Actor by, @Nullable MemberId byMember,
			@Nullable Long meetingId) {
		String t = blankToNull(title);
		if (t == null) {
			throw new CaseRuleException("case.title.required");
		}
		String strippedTitle = t.strip();
		String shown = blankToNull(publicTitle);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("source", source.name());
		data.put("urgency", urgency.name());
		data.put("type", type.name());
		data.put("category", category);
		return new Intake(villageId, townshipId, receivedTermId, responsibleTermId, source, type, category, urgency,
				strippedTitle, blankToNull(description), blankToNull(location),
				(shown != null) ? shown.strip() : strippedTitle, at, dueDates.due(type, urgency, at), by, byMember,
				data, meetingId);
	}

}
