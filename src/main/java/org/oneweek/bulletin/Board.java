package org.oneweek.bulletin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.platform.Digests;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseCategory;
import org.oneweek.casework.PublicCases.Figures;
import org.oneweek.casework.Satisfaction;
import org.oneweek.places.Township;
import org.oneweek.places.Village;

/**
 * A village's bulletin board as anyone may see it: this week's team, the cases taken on
 * this week and those still open from earlier weeks, last week's results and the
 * village's figures. Nothing private is in here.
 *
 * @param dutyPhone the number villagers call about the board
 * @param asOf the moment the board shows
 */
public record Board(Village village, Township township, String week, LocalDate weekStart, LocalDate weekEnd,
		List<TeamMember> team, @Nullable String troubleshooter, @Nullable String dutyPhone, List<Row> thisWeek,
		List<Row> earlier, LastWeek lastWeek, Figures figures, Map<String, CaseCategory> categories, Instant asOf) {

	public Board {
		team = List.copyOf(team);
		thisWeek = List.copyOf(thisWeek);
		earlier = List.copyOf(earlier);
		categories = Map.copyOf(categories);
	}

	/** A secretary of this week's team, by name. */
	public record TeamMember(String name, boolean lead) {

	}

	/**
	 * One case on the board.
	 *
	 * @param latestNote the newest public progress note
	 * @param reporter the reporter's name, only when they agreed to be named
	 * @param enlisted villagers taking part
	 */
	public record Row(Case c, @Nullable String latestNote, @Nullable String reporter, List<Enlistment> enlisted,
			boolean overdue) {

		public Row {
			enlisted = List.copyOf(enlisted);
		}

		public String reference() {
			return c.reference();
		}

	}

	/**
	 * Last week's results: cases resolved and the villagers' verdicts at the callbacks.
	 */
	public record LastWeek(String week, List<Case> resolved, Map<Satisfaction, Integer> callbacks) {

		public LastWeek {
			resolved = List.copyOf(resolved);
			callbacks = Map.copyOf(callbacks);
		}

		public int callbackCount() {
			return callbacks.values().stream().mapToInt(Integer::intValue).sum();
		}

		public int count(Satisfaction satisfaction) {
			return callbacks.getOrDefault(satisfaction, 0);
		}

		/** Satisfied plus 0.9 × basically satisfied, over callbacks, in percent. */
		public @Nullable Integer satisfactionPercent() {
			int total = callbackCount();
			if (total == 0) {
				return null;
			}
			double score = count(Satisfaction.SATISFIED) + 0.9 * count(Satisfaction.BASICALLY_SATISFIED);
			return (int) Math.round(100 * score / total);
		}

	}

	public int caseCount() {
		return thisWeek.size() + earlier.size();
	}

	public @Nullable CaseCategory category(String code) {
		return categories.get(code);
	}

	/**
	 * What the board says, without the moment it was looked at: the same board printed
	 * twice has the same fingerprint.
	 */
	public String fingerprint() {
		StringBuilder text = new StringBuilder();
		text.append(village.code()).append('|').append(week).append('|').append(dutyPhone).append('|');
		team.forEach((m) -> text.append(m.name()).append(m.lead()).append(','));
		text.append(troubleshooter).append('\n');
		for (List<Row> rows : List.of(thisWeek, earlier)) {
			for (Row r : rows) {
				Case c = r.c();
				text.append(c.reference())
					.append('|')
					.append(c.state())
					.append('|')
					.append(c.lastEventSeq())
					.append('|')
					.append(r.overdue())
					.append('|')
					.append(r.reporter());
				r.enlisted().forEach((e) -> text.append('|').append(e.id()));
				text.append('\n');
			}
			text.append("--\n");
		}
		lastWeek.resolved().forEach((c) -> text.append(c.reference()).append(c.lastEventSeq()).append(','));
		text.append(lastWeek.callbacks()).append(figures.opened()).append(',').append(figures.overdue());
		return Digests.sha256Hex(text.toString()).substring(0, 32);
	}

}
