package org.oneweek.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.oneweek.reconciliation.WeekReconciliation.Counts;
import org.oneweek.reconciliation.WeekReconciliation.Outcome;

/**
 * The week's reconciliation as it stood when the term was handed over, kept with the
 * hand-over report: the sizes of the three lists, the counts per category, and every
 * problem of the week with its items' public titles and who confirmed the match. A
 * document: its ids are numbers, and nothing in it changes after the hand-over.
 */
public record HandoverReconciliation(long termId, long villageId, LocalDate monday, String week, Instant frozenAt,
		int villagers, int officials, int findings, List<Counts> counts, Counts total, List<Line> lines,
		double threshold) {

	/** An item as handed over: its list, its case's number and its public title. */
	public record Entry(ItemKind kind, @Nullable String reference, String title) {

	}

	/**
	 * Who made a match: the person who confirmed (or paired by hand) a pair, or nobody
	 * named when the finding was linked to the case at the inspection.
	 */
	public record Confirmation(@Nullable String by, @Nullable Instant at, boolean manual, boolean linked) {

	}

	/** One problem of the week: its outcome, category, items and confirmations. */
	public record Line(Outcome outcome, String category, boolean pending, List<Entry> items,
			List<Confirmation> confirmations) {

		public Line {
			items = List.copyOf(items);
			confirmations = List.copyOf(confirmations);
		}

	}

	public HandoverReconciliation {
		counts = List.copyOf(counts);
		lines = List.copyOf(lines);
	}

	public List<Line> lines(Outcome outcome) {
		return lines.stream().filter((l) -> l.outcome() == outcome).toList();
	}

	/** Pairs still waiting for the team when the term was handed over. */
	public long pending() {
		return lines.stream().filter(Line::pending).count();
	}

	/**
	 * Villager problems no official listed, over all villager problems; 0 without any.
	 */
	public double blindSpotRate() {
		return (total.villagers() == 0) ? 0 : (double) total.villagerOnly() / total.villagers();
	}

	static HandoverReconciliation of(long termId, WeekReconciliation r, Instant frozenAt,
			Function<Item, String> publicTitle) {
		List<Line> lines = new ArrayList<>();
		Set<ItemRef> matched = new HashSet<>();
		for (WeekReconciliation.Match match : r.matches()) {
			List<Confirmation> confirmations = new ArrayList<>();
			for (Proposal p : match.pairs()) {
				if (p.standing() == Proposal.Standing.LINKED) {
					confirmations.add(new Confirmation(null, null, false, true));
				}
				else if (p.standing() == Proposal.Standing.CONFIRMED && p.decision() != null) {
					confirmations.add(new Confirmation(p.decision().decidedBy(), p.decision().decidedAt(),
							p.decision().manual(), false));
				}
			}
			lines.add(new Line(match.outcome(), match.category(), match.pending(),
					match.items().stream().map((i) -> entry(i, publicTitle)).toList(), confirmations));
			match.items().forEach((i) -> matched.add(i.ref()));
		}
		for (WeekReconciliation.Line line : r.lines()) {
			if (line.items().stream().noneMatch((i) -> matched.contains(i.ref()))) {
				lines.add(new Line(line.outcome(), line.category(), false,
						line.items().stream().map((i) -> entry(i, publicTitle)).toList(), List.of()));
			}
		}
		return new HandoverReconciliation(termId, r.villageId().value(), r.monday(), r.week(), frozenAt,
				r.villagers().size(), r.officials().size(), r.findings().size(), r.counts(), r.total(), lines,
				r.threshold());
	}

	private static Entry entry(Item item, Function<Item, String> publicTitle) {
		return new Entry(item.kind(), item.reference(), publicTitle.apply(item));
	}

}
