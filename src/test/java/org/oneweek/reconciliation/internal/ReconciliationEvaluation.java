package org.oneweek.reconciliation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.oneweek.reconciliation.ItemKind;
import org.oneweek.reconciliation.ItemRef;
import org.oneweek.reconciliation.Pair;
import org.oneweek.reconciliation.internal.Matching.Candidate;
import org.oneweek.text.ChineseText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation harness: reads a file of weeks (villagers, officials, inspections, and
 * the pairs that are the same problem), matches each week with the real model and
 * {@link Matching}, and counts the proposed pairs (every pair inside a group) against the
 * true pairs (closed under transitivity). The baseline, counted the same way: character
 * bigram Dice of the two texts plus 0.2 for equal categories, a pair proposed at 0.25 or
 * more, every pair of items from two different lists of one week.
 */
final class ReconciliationEvaluation {

	record Counts(int tp, int fp, int fn) {

		double precision() {
			return (tp + fp == 0) ? 0 : (double) tp / (tp + fp);
		}

		double recall() {
			return (tp + fn == 0) ? 0 : (double) tp / (tp + fn);
		}

		double f1() {
			double p = precision();
			double r = recall();
			return (p + r == 0) ? 0 : 2 * p * r / (p + r);
		}

		Counts plus(Counts other) {
			return new Counts(tp + other.tp, fp + other.fp, fn + other.fn);
		}

	}

	record Week(String label, List<Candidate> items, Set<Pair> truth, Map<ItemRef, String> ids) {

	}

	private final List<Week> weeks;

	private final Matching matching;

	private ReconciliationEvaluation(List<Week> weeks, Matching matching) {
		this.weeks = weeks;
		this.matching = matching;
	}

	static ReconciliationEvaluation of(Path file) throws IOException {
		JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
		List<Week> weeks = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		record Raw(ItemRef ref, String category, String text) {
		}
		List<List<Raw>> raws = new ArrayList<>();
		List<Map<String, ItemRef>> byIds = new ArrayList<>();
		for (JsonNode week : root.get("weeks")) {
			List<Raw> items = new ArrayList<>();
			Map<String, ItemRef> byId = new HashMap<>();
			long next = 1;
			for (String list : List.of("villagers", "officials", "inspections")) {
				ItemKind kind = switch (list) {
					case "villagers" -> ItemKind.VILLAGER;
					case "officials" -> ItemKind.OFFICIAL;
					default -> ItemKind.FINDING;
				};
				JsonNode nodes = week.get(list);
				if (nodes == null) {
					continue;
				}
				for (JsonNode node : nodes) {
					ItemRef ref = new ItemRef(kind, next++);
					byId.put(node.get("id").asString(), ref);
					JsonNode category = node.get("category");
					items.add(new Raw(ref, (category == null || category.isNull()) ? null : category.asString(),
							node.get("text").asString()));
					texts.add(node.get("text").asString());
				}
			}
			raws.add(items);
			byIds.add(byId);
		}
		List<float[]> vectors = SentenceModel.embedAll(texts);
		int v = 0;
		int w = 0;
		for (JsonNode week : root.get("weeks")) {
			List<Candidate> candidates = new ArrayList<>();
			for (Raw raw : raws.get(w)) {
				candidates.add(new Candidate(raw.ref(), raw.category(), raw.text(), vectors.get(v++)));
			}
			Map<String, ItemRef> byId = byIds.get(w);
			List<Pair> given = new ArrayList<>();
			for (JsonNode match : week.get("matches")) {
				given.add(Pair.of(byId.get(match.get(0).asString()), byId.get(match.get(1).asString())));
			}
			Map<ItemRef, String> ids = new HashMap<>();
			byId.forEach((id, ref) -> ids.put(ref, id));
			weeks.add(new Week(week.get("village").asString() + " " + week.get("week").asString(), candidates,
					closure(given), ids));
			w++;
		}
		return new ReconciliationEvaluation(weeks, new Matching(new ChineseText()));
	}

	/** The pairs of the groups the given pairs make. */
	static Set<Pair> closure(List<Pair> pairs) {
		Map<ItemRef, Set<ItemRef>> group = new HashMap<>();
		for (Pair pair : pairs) {
			Set<ItemRef> a = group.computeIfAbsent(pair.left(), (r) -> new LinkedHashSet<>(List.of(r)));
			Set<ItemRef> b = group.computeIfAbsent(pair.right(), (r) -> new LinkedHashSet<>(List.of(r)));
			if (a != b) {
				a.addAll(b);
				b.forEach((r) -> group.put(r, a));
			}
		}
		Set<Pair> closed = new HashSet<>();
		for (Set<ItemRef> members : new HashSet<>(group.values())) {
			for (ItemRef x : members) {
				for (ItemRef y : members) {
					if (x.compareTo(y) < 0 && x.kind() != y.kind()) {
						closed.add(Pair.of(x, y));
					}
				}
			}
		}
		return closed;
	}

	Counts method(double threshold) {
		Counts total = new Counts(0, 0, 0);
		for (Week week : weeks) {
			Set<Pair> proposed = matching.match(week.items(), List.of(), List.of(), threshold).pairSet();
			total = total.plus(count(proposed, week.truth()));
		}
		return total;
	}

	/**
	 * The false pairs and missed pairs of the method, week by week, for a person to read.
	 */
	List<String> mistakes(double threshold) {
		List<String> lines = new ArrayList<>();
		for (Week week : weeks) {
			Set<Pair> proposed = matching.match(week.items(), List.of(), List.of(), threshold).pairSet();
			for (Pair pair : proposed) {
				if (!week.truth().contains(pair)) {
					lines.add(week.label() + " false " + week.ids().get(pair.left()) + "-"
							+ week.ids().get(pair.right()));
				}
			}
			for (Pair pair : week.truth()) {
				if (!proposed.contains(pair)) {
					lines.add(week.label() + " missed " + week.ids().get(pair.left()) + "-"
							+ week.ids().get(pair.right()));
				}
			}
		}
		return lines;
	}

	Counts baseline() {
		Counts total = new Counts(0, 0, 0);
		for (Week week : weeks) {
			Set<Pair> proposed = new HashSet<>();
			List<Candidate> items = week.items();
			for (int i = 0; i < items.size(); i++) {
				for (int j = i + 1; j < items.size(); j++) {
					Candidate a = items.get(i);
					Candidate b = items.get(j);
					if (a.ref().kind() == b.ref().kind()) {
						continue;
					}
					double score = dice(a.text(), b.text())
							+ ((a.category() != null && a.category().equals(b.category())) ? 0.2 : 0);
					if (score >= 0.25) {
						proposed.add(Pair.of(a.ref(), b.ref()));
					}
				}
			}
			total = total.plus(count(proposed, week.truth()));
		}
		return total;
	}

	static Counts count(Set<Pair> proposed, Set<Pair> truth) {
		int tp = 0;
		for (Pair pair : proposed) {
			if (truth.contains(pair)) {
				tp++;
			}
		}
		return new Counts(tp, proposed.size() - tp, truth.size() - tp);
	}

	/** Dice of the sets of adjacent character pairs, spaces and punctuation left out. */
	static double dice(String a, String b) {
		Set<String> x = bigrams(a);
		Set<String> y = bigrams(b);
		if (x.isEmpty() || y.isEmpty()) {
			return 0;
		}
		Set<String> both = new HashSet<>(x);
		both.retainAll(y);
		return 2.0 * both.size() / (x.size() + y.size());
	}

	private static Set<String> bigrams(String text) {
		int[] cps = text.codePoints().filter(Character::isLetterOrDigit).toArray();
		Set<String> set = new HashSet<>();
		for (int i = 0; i + 1 < cps.length; i++) {
			set.add(new String(cps, i, 2));
		}
		return set;
	}

	static String line(Counts method, Counts baseline) {
		return String.format(Locale.ROOT, "precision=%.3f recall=%.3f f1=%.3f baseline_f1=%.3f", method.precision(),
				method.recall(), method.f1(), baseline.f1());
	}

	int weekCount() {
		return weeks.size();
	}

}
