package org.oneweek.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oneweek.places.VillageId;

/**
 * The reconciliation of a village's week: the three lists, the matches (groups of items
 * that are one problem, each with its pairs), what is left on one list only, and the
 * rejected pairs.
 */
public record WeekReconciliation(VillageId villageId, LocalDate monday, String week, List<Item> villagers,
		List<Item> officials, List<Item> findings, List<Match> matches, List<Decision> rejected, double threshold) {

	/** What a group of items (or one item alone) is in the report. */
	public enum Outcome {

		/** Heard from villagers and on the officials' list. */
		MATCHED,
		/** Only villagers raised it: a blind spot of the officials. */
		VILLAGER_ONLY,
		/** Only on the officials' list. */
		OFFICIAL_ONLY,
		/** Only found on an inspection. */
		FINDING_ONLY

	}

	/** Items that are one problem, with the pairs between them. */
	public record Match(List<Item> items, List<Proposal> pairs) {

		public Match {
			items = List.copyOf(items);
			pairs = List.copyOf(pairs);
		}

		public boolean pending() {
			return pairs.stream().anyMatch(Proposal::pending);
		}

		public Optional<Item> of(ItemKind kind) {
			return items.stream().filter((i) -> i.kind() == kind).findFirst();
		}

		public Outcome outcome() {
			return WeekReconciliation.outcome(items);
		}

		/**
		 * The category of the match: the villager's, else the officials', else the
		 * finding's.
		 */
		public String category() {
			return WeekReconciliation.category(items);
		}

	}

	/** One line of the report: a problem as the week saw it. */
	public record Line(Outcome outcome, String category, List<Item> items, boolean pending) {

		public Optional<Item> of(ItemKind kind) {
			return items.stream().filter((i) -> i.kind() == kind).findFirst();
		}

	}

	/** The counts of one category. */
	public record Counts(String category, int matched, int villagerOnly, int officialOnly, int findingOnly) {

		public int villagers() {
			return matched + villagerOnly;
		}

	}

	public WeekReconciliation {
		villagers = List.copyOf(villagers);
		officials = List.copyOf(officials);
		findings = List.copyOf(findings);
		matches = List.copyOf(matches);
		rejected = List.copyOf(rejected);
	}

	static Outcome outcome(List<Item> items) {
		boolean villager = items.stream().anyMatch((i) -> i.kind() == ItemKind.VILLAGER);
		boolean official = items.stream().anyMatch((i) -> i.kind() == ItemKind.OFFICIAL);
		if (villager && official) {
			return Outcome.MATCHED;
		}
		if (villager) {
			return Outcome.VILLAGER_ONLY;
		}
		return official ? Outcome.OFFICIAL_ONLY : Outcome.FINDING_ONLY;
	}

	static String category(List<Item> items) {
		for (ItemKind kind : ItemKind.values()) {
			for (Item item : items) {
				if (item.kind() == kind && item.category() != null) {
					return item.category();
				}
			}
		}
		return "";
	}

	/**
	 * Every problem of the week once: each match, then each item matched with nothing.
	 */
	public List<Line> lines() {
		List<Line> lines = new ArrayList<>();
		List<ItemRef> inMatches = new ArrayList<>();
		for (Match match : matches) {
			lines.add(new Line(match.outcome(), match.category(), match.items(), match.pending()));
			match.items().forEach((i) -> inMatches.add(i.ref()));
		}
		for (List<Item> list : List.of(villagers, officials, findings)) {
			for (Item item : list) {
				if (!inMatches.contains(item.ref())) {
					lines.add(new Line(outcome(List.of(item)), category(List.of(item)), List.of(item), false));
				}
			}
		}
		return lines;
	}

	public List<Line> lines(Outcome outcome) {
		return lines().stream().filter((l) -> l.outcome() == outcome).toList();
	}

	/** Counts per category, in the order categories first appear; the total last. */
	public List<Counts> counts() {
		Map<String, int[]> byCategory = new LinkedHashMap<>();
		for (Line line : lines()) {
			int[] counts = byCategory.computeIfAbsent(line.category(), (c) -> new int[4]);
			counts[line.outcome().ordinal()]++;
		}
		List<Counts> result = new ArrayList<>();
		byCategory.forEach((category, c) -> result.add(new Counts(category, c[0], c[1], c[2], c[3])));
		return result;
	}

	public Counts total() {
		int[] t = new int[4];
		for (Line line : lines()) {
			t[line.outcome().ordinal()]++;
		}
		return new Counts("", t[0], t[1], t[2], t[3]);
	}

	/**
	 * Villager problems no official listed, over all villager problems; 0 without any.
	 */
	public double blindSpotRate() {
		Counts total = total();
		return (total.villagers() == 0) ? 0 : (double) total.villagerOnly() / total.villagers();
	}

	public List<Proposal> pending() {
		return matches.stream().flatMap((m) -> m.pairs().stream()).filter(Proposal::pending).toList();
	}

	public List<Item> items() {
		List<Item> all = new ArrayList<>(villagers);
		all.addAll(officials);
		all.addAll(findings);
		return all;
	}

	public Optional<Item> item(ItemRef ref) {
		return items().stream().filter((i) -> i.ref().equals(ref)).findFirst();
	}

}
