package org.oneweek.casework;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.MemberId;
import org.oneweek.people.UnitId;
import org.oneweek.places.VillageId;
import org.oneweek.platform.CommandChecks;
import org.oneweek.roster.TermId;

import static org.oneweek.platform.Texts.blankToNull;

/**
 * What other modules, the web and the API ask of the ledger: one record a command, its
 * values checked when it is made (required values present, lengths, formats), so that a
 * command that exists is well formed whoever built it. Whether the ledger's rules allow
 * it for this case, now, is decided by the case itself ({@code CaseFile}). The web's form
 * beans ({@code casework.web.CaseForms}) are mapped to these.
 */
public final class CaseCommands {

	private static final CommandChecks CHECK = new CommandChecks(CaseRuleException::new);

	private CaseCommands() {
	}

	/**
	 * A problem heard at a morning meeting, an inspection, on the phone or from the
	 * officials' list.
	 *
	 * @param reporter who raised it, private; null when nobody gave a name or number
	 * @param idempotencyKey a key chosen by the client: the same request sent again
	 * returns the case the first one recorded
	 * @param meetingId the diary's morning meeting at which it was heard, if the person
	 * recording it said so
	 */
	public record RecordCase(VillageId village, CaseSource source, CaseType type, String category, Urgency urgency,
			String title, @Nullable String description, @Nullable String location, @Nullable String publicTitle,
			Case.@Nullable Reporter reporter, @Nullable String idempotencyKey, @Nullable Long meetingId) {

		public RecordCase {
			required(village);
			required(source);
			required(type);
			required(urgency);
			category = required(blankToNull(category));
			String t = blankToNull(title);
			if (t == null) {
				throw new CaseRuleException("case.title.required");
			}
			if (t.length() > 100) {
				throw new CaseRuleException("validation.tooLong");
			}
			title = t;
			description = atMost(blankToNull(description), 2000);
			location = atMost(blankToNull(location), 200);
			publicTitle = atMost(blankToNull(publicTitle), 100);
			idempotencyKey = atMost(blankToNull(idempotencyKey), 100);
			if (reporter != null) {
				reporter = reporter(reporter.name(), reporter.phone(), reporter.household(), reporter.consent());
			}
		}

		/**
		 * A problem of the "other" category, of the usual type and urgency, heard at a
		 * morning meeting: the start for the {@code with…} methods.
		 */
		public static RecordCase of(VillageId village, String category, String title) {
			return new RecordCase(village, CaseSource.MORNING_MEETING, CaseType.HELP, category, Urgency.NORMAL, title,
					null, null, null, null, null, null);
		}

		/**
		 * The reporter as typed (blanks are nothing), or null when nothing identifies
		 * anybody.
		 * @throws CaseRuleException when the phone is not a phone number or a value is
		 * too long
		 */
		public static Case.@Nullable Reporter reporter(@Nullable String name, @Nullable String phone,
				@Nullable String household, boolean consent) {
			String n = atMost(blankToNull(name), 40);
			String p = CHECK.phone(blankToNull(phone));
			String h = atMost(blankToNull(household), 100);
			return (n == null && p == null && h == null) ? null : new Case.Reporter(n, p, h, consent);
		}

		public RecordCase withSource(CaseSource value) {
			return new RecordCase(village, value, type, category, urgency, title, description, location, publicTitle,
					reporter, idempotencyKey, meetingId);
		}

		public RecordCase withType(CaseType value) {
			return new RecordCase(village, source, value, category, urgency, title, description, location, publicTitle,
					reporter, idempotencyKey, meetingId);
		}

		public RecordCase withCategory(String value) {
			return new RecordCase(village, source, type, value, urgency, title, description, location, publicTitle,
					reporter, idempotencyKey, meetingId);
		}

		public RecordCase withUrgency(Urgency value) {
			return new RecordCase(village, source, type, category, value, title, description, location, publicTitle,
					reporter, idempotencyKey, meetingId);
		}

		public RecordCase withTitle(String value) {
			return new RecordCase(village, source, type, category, urgency, value, description, location, publicTitle,
					reporter, idempotencyKey, meetingId);
		}

		public RecordCase withDescription(@Nullable String value) {
			return new RecordCase(village, source, type, category, urgency, title, value, location, publicTitle,
					reporter, idempotencyKey, meetingId);
		}

		public RecordCase withLocation(@Nullable String value) {
			return new RecordCase(village, source, type, category, urgency, title, description, value, publicTitle,
					reporter, idempotencyKey, meetingId);
		}

		public RecordCase withPublicTitle(@Nullable String value) {
			return new RecordCase(village, source, type, category, urgency, title, description, location, value,
					reporter, idempotencyKey, meetingId);
		}

		public RecordCase withReporter(Case.@Nullable Reporter value) {
			return new RecordCase(village, source, type, category, urgency, title, description, location, publicTitle,
					value, idempotencyKey, meetingId);
		}

		public RecordCase withIdempotencyKey(@Nullable String value) {
			return new RecordCase(village, source, type, category, urgency, title, description, location, publicTitle,
					reporter, value, meetingId);
		}

		public RecordCase atMeeting(@Nullable Long value) {
			return new RecordCase(village, source, type, category, urgency, title, description, location, publicTitle,
					reporter, idempotencyKey, value);
		}

		/**
		 * A fingerprint of what was asked, to tell a resent request from a different one.
		 */
		public String fingerprint() {
			return String.join("\u001f", String.valueOf(village.value()), String.valueOf(source), String.valueOf(type),
					String.valueOf(category), String.valueOf(urgency), String.valueOf(title),
					String.valueOf(description), String.valueOf(location),
					String.valueOf((reporter != null) ? reporter.name() : null),
					String.valueOf((reporter != null) ? reporter.phone() : null));
		}

		/** Without the reporter, which must never reach a log line. */
		@Override
		public String toString() {
			return "RecordCase[village=" + village + ", source=" + source + ", category=" + category + "]";
		}

	}

	/**
	 * Who takes a case, and how urgent it is now.
	 *
	 * @param member the secretary, when a secretary of the team takes it
	 * @param unit the unit, when a unit takes it
	 * @param groupName the villagers' group, when a group takes it
	 * @param urgency the new urgency, or null to leave it
	 */
	public record AssignCase(AssigneeKind kind, @Nullable MemberId member, @Nullable UnitId unit,
			@Nullable String groupName, @Nullable Urgency urgency, @Nullable String reason) {

		public AssignCase {
			required(kind);
			groupName = atMost(blankToNull(groupName), 60);
			reason = atMost(blankToNull(reason), 500);
		}

		public static AssignCase to(AssigneeKind kind) {
			return new AssignCase(kind, null, null, null, null, null);
		}

		public static AssignCase toSecretary(MemberId member) {
			return new AssignCase(AssigneeKind.SECRETARY, member, null, null, null, null);
		}

		public static AssignCase toUnit(UnitId unit) {
			return new AssignCase(AssigneeKind.UNIT, null, unit, null, null, null);
		}

		public static AssignCase toGroup(String groupName) {
			return new AssignCase(AssigneeKind.GROUP, null, null, groupName, null, null);
		}

		public AssignCase withUrgency(@Nullable Urgency value) {
			return new AssignCase(kind, member, unit, groupName, value, reason);
		}

		public AssignCase because(@Nullable String value) {
			return new AssignCase(kind, member, unit, groupName, urgency, value);
		}

	}

	/**
	 * A progress note, public (shown on the board) or internal, and/or a percentage.
	 */
	public record AddNote(@Nullable String text, boolean isPublic, @Nullable Integer progress) {

		public AddNote {
			text = atMost(blankToNull(text), 2000);
		}

		public static AddNote publicNote(String text) {
			return new AddNote(text, true, null);
		}

		public static AddNote internalNote(String text) {
			return new AddNote(text, false, null);
		}

		public static AddNote progress(int percent) {
			return new AddNote(null, false, percent);
		}

	}

	/** Solved: what was done, shown on the board. */
	public record ResolveCase(@Nullable String result) {

		public ResolveCase {
			result = atMost(blankToNull(result), 2000);
		}

	}

	/** The callback: the villager's satisfaction and what they said. */
	public record CloseCase(@Nullable Satisfaction satisfaction, @Nullable String comment) {

		public CloseCase {
			comment = atMost(blankToNull(comment), 2000);
		}

	}

	/** Money asked for (from the street, the district, a fund). */
	public record RequestFunding(@Nullable BigDecimal amount, @Nullable String source, @Nullable String note) {

		public RequestFunding {
			source = atMost(blankToNull(source), 100);
			note = atMost(blankToNull(note), 500);
		}

	}

	/** Money granted, by whom and from which source. */
	public record ApproveFunding(@Nullable BigDecimal amount, @Nullable String source, @Nullable String approvedBy,
			@Nullable String note) {

		public ApproveFunding {
			source = atMost(blankToNull(source), 100);
			approvedBy = atMost(blankToNull(approvedBy), 100);
			note = atMost(blankToNull(note), 500);
		}

	}

	/**
	 * A term's team (or the department) hands the village's open cases to the next term.
	 */
	public record HandOverCases(TermId fromTerm, @Nullable String note) {

		public HandOverCases {
			required(fromTerm);
			note = atMost(blankToNull(note), 2000);
		}

	}

	private static <T> T required(@Nullable T value) {
		if (value == null) {
			throw new CaseRuleException("validation.required");
		}
		return value;
	}

	private static @Nullable String atMost(@Nullable String value, int length) {
		if (value != null && value.length() > length) {
			throw new CaseRuleException("validation.tooLong");
		}
		return value;
	}

}
