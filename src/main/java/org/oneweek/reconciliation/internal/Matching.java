package org.oneweek.reconciliation.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.oneweek.reconciliation.ItemRef;
import org.oneweek.reconciliation.Pair;
import org.oneweek.reconciliation.Reason;
import org.oneweek.text.ChineseText;

/**
 * Matching by meaning, as a clerk would, for the items of one village and week.
 * <p>
 * <b>Score of a pair.</b> The cosine of the two sentence embeddings after taking away
 * what all the week's items share: a village's problems all "sound alike" to the model
 * (every pair scores about 0.5), so the mean embedding of the items is subtracted (shrunk
 * towards zero when there are few items, n / (n + 8), so that two or three items are not
 * pulled apart) and the rest compared. To this the other evidence adds: the same category
 * (+0.10), the same numbered place (三组, 5栋: +0.08) or, when both name places of one kind
 * and none is shared, different places (−0.15: two different roads), a shared quantity
 * (800米: +0.05), and the words the two have in common (the {@code text} module's
 * segmentation, Dice of the words of two characters or more, × 0.15).
 * <p>
 * <b>Structure.</b> One villager problem matches at most one official item and at most
 * one finding, and matches are transitive, so the result is a set of groups holding at
 * most one item of each list. Groups are built greedily, best pair first, from the pairs
 * at or above the threshold: two groups join when they hold no two items of one list, no
 * rejected pair, and every new pair between them scores at least half the threshold.
 * Confirmed pairs start joined and rejected pairs never join, so re-running never undoes
 * a person's decision. Every pair inside a group is proposed, with its score and reasons.
 */
public final class Matching {

	/**
	 * The default threshold, chosen once on the development file (docs/BENCHMARKS.md).
	 */
	public static final double DEFAULT_THRESHOLD = 0.33;

	static final double CATEGORY = 0.10;

	static final double SAME_PLACE = 0.08;

	static final double OTHER_PLACE = -0.15;

	static final double QUANTITY = 0.05;

	static final double WORDS = 0.15;

	static final double SHRINK = 8;

	/**
	 * An item to match: its list (the kind of its ref), category and text, and embedding.
	 */
	public record Candidate(ItemRef ref, @Nullable String category, String text, float[] vector) {

	}

	/** A pair with its score, the model's own cosine, and the reasons in words. */
	public record Scored(Pair pair, double score, double cosine, List<Reason> reasons) {

	}

	/** The groups found and the score of every pair inside them. */
	public record Outcome(List<Set<ItemRef>> groups, List<Scored> pairs) {

		public Set<Pair> pairSet() {
			Set<Pair> set = new HashSet<>();
			pairs.forEach((p) -> set.add(p.pair()));
			return set;
		}

	}

	private final ChineseText text;

	public Matching(ChineseText text) {
		this.text = text;
	}

	/** What is compared of one item, worked out once. */
	private final class Prepared {

		final Candidate candidate;

		final double[] centred;

		final Clues clues;

		final Set<String> words;

		Prepared(Candidate candidate, double[] mean) {
			this.candidate = candidate;
			float[] v = candidate.vector();
			double[] c = new double[v.length];
			double norm = 0;
			for (int i = 0; i < v.length; i++) {
				c[i] = v[i] - mean[i];
				norm += c[i] * c[i];
			}
			norm = Math.sqrt(norm);
			for (int i = 0; i < c.length && norm > 0; i++) {
				c[i] /= norm;
			}
			this.centred = c;
			this.clues = Clues.of(candidate.text());
			this.words = new HashSet<>();
			for (String word : text.words(candidate.text())) {
				if (word.codePointCount(0, word.length()) >= 2) {
					words.add(word.toLowerCase(Locale.ROOT));
				}
			}
		}

	}

	private List<Prepared> prepare(List<Candidate> items) {
		int dimension = items.isEmpty() ? 0 : items.get(0).vector().length;
		double[] mean = new double[dimension];
		for (Candidate item : items) {
			float[] v = item.vector();
			if (v.length != dimension) {
				throw new IllegalArgumentException("embeddings of different dimensions");
			}
			for (int i = 0; i < dimension; i++) {
				mean[i] += v[i];
			}
		}
		double shrink = items.size() + SHRINK;
		for (int i = 0; i < dimension; i++) {
			mean[i] /= shrink;
		}
		List<Prepared> prepared = new ArrayList<>(items.size());
		for (Candidate item : items) {
			prepared.add(new Prepared(item, mean));
		}
		return prepared;
	}

	/**
	 * The score alone, without words: for every pair of a week, most of which are not
	 * proposed.
	 */
	private double quickScore(Prepared a, Prepared b) {
		double score = dot(a.centred, b.centred);
		String ca = a.candidate.category();
		if (ca != null && ca.equals(b.candidate.category())) {
			score += CATEGORY;
		}
		if (!a.clues.places.isEmpty() && !b.clues.places.isEmpty()) {
			boolean shared = false;
			boolean conflicting = false;
			for (Map.Entry<String, Set<String>> places : a.clues.places.entrySet()) {
				Set<String> others = b.clues.places.get(places.getKey());
				if (others == null) {
					continue;
				}
				boolean any = false;
				for (String place : places.getValue()) {
					if (others.contains(place)) {
						any = true;
						break;
					}
				}
				shared |= any;
				conflicting |= !any;
			}
			if (shared) {
				score += SAME_PLACE;
			}
			else if (conflicting) {
				score += OTHER_PLACE;
			}
		}
		if (!a.clues.quantities.isEmpty() && !b.clues.quantities.isEmpty()) {
			for (String quantity : a.clues.quantities) {
				if (b.clues.quantities.contains(quantity)) {
					score += QUANTITY;
					break;
				}
			}
		}
		if (!a.words.isEmpty() && !b.words.isEmpty()) {
			int common = 0;
			Set<String> small = (a.words.size() <= b.words.size()) ? a.words : b.words;
			Set<String> large = (small == a.words) ? b.words : a.words;
			for (String word : small) {
				if (large.contains(word)) {
					common++;
				}
			}
			score += WORDS * 2.0 * common / (a.words.size() + b.words.size());
		}
		return score;
	}

	private Scored score(Prepared a, Prepared b) {
		Evidence evidence = evidence(a, b);
		return new Scored(Pair.of(a.candidate.ref(), b.candidate.ref()), evidence.score(), evidence.cosine(),
				evidence.reasons());
	}

	/** The score of two items, and why. */
	public record Evidence(ItemRef ref, double score, double cosine, List<Reason> reasons) {

	}

	private Evidence evidence(Prepared a, Prepared b) {
		List<Reason> reasons = new ArrayList<>();
		double similarity = dot(a.centred, b.centred);
		double cosine = cosine(a.candidate.vector(), b.candidate.vector());
		double score = similarity;
		reasons.add(new Reason("reconciliation.reason.meaning", List.of(format(cosine)), similarity));
		String ca = a.candidate.category();
		String cb = b.candidate.category();
		if (ca != null && ca.equals(cb)) {
			score += CATEGORY;
			reasons.add(new Reason("reconciliation.reason.category", List.of(ca), CATEGORY));
		}
		else if (ca != null && cb != null) {
			reasons.add(new Reason("reconciliation.reason.otherCategory", List.of(ca, cb), 0));
		}
		Set<String> shared = new LinkedHashSet<>();
		Set<String> conflicting = new LinkedHashSet<>();
		for (Map.Entry<String, Set<String>> places : a.clues.places.entrySet()) {
			Set<String> others = b.clues.places.get(places.getKey());
			if (others == null) {
				continue;
			}
			Set<String> both = new LinkedHashSet<>(places.getValue());
			both.retainAll(others);
			if (both.isEmpty()) {
				conflicting.add(String.join("、", places.getValue()) + " / " + String.join("、", others));
			}
			shared.addAll(both);
		}
		if (!shared.isEmpty()) {
			score += SAME_PLACE;
			reasons.add(new Reason("reconciliation.reason.place", List.of(String.join("、", shared)), SAME_PLACE));
		}
		else if (!conflicting.isEmpty()) {
			score += OTHER_PLACE;
			reasons.add(new Reason("reconciliation.reason.otherPlace", List.of(String.join("；", conflicting)),
					OTHER_PLACE));
		}
		Set<String> quantities = new LinkedHashSet<>(a.clues.quantities);
		quantities.retainAll(b.clues.quantities);
		if (!quantities.isEmpty()) {
			score += QUANTITY;
			reasons.add(new Reason("reconciliation.reason.quantity", List.of(String.join("、", quantities)), QUANTITY));
		}
		Set<String> words = new TreeSet<>(a.words);
		words.retainAll(b.words);
		if (!words.isEmpty()) {
			double dice = 2.0 * words.size() / (a.words.size() + b.words.size());
			score += WORDS * dice;
			reasons.add(new Reason("reconciliation.reason.words", List.of(String.join("、", words)), WORDS * dice));
		}
		return new Evidence(b.candidate.ref(), score, cosine, reasons);
	}

	/**
	 * Scores one text against others (no structure): the duplicates of a new case among a
	 * village's open cases, best first, those at or above the threshold.
	 */
	public List<Evidence> similar(Candidate probe, List<Candidate> others, double threshold) {
		List<Candidate> all = new ArrayList<>(others.size() + 1);
		all.add(probe);
		all.addAll(others);
		List<Prepared> prepared = prepare(all);
		List<Evidence> found = new ArrayList<>();
		for (int i = 1; i < prepared.size(); i++) {
			Prepared other = prepared.get(i);
			if (other.candidate.ref().equals(probe.ref())) {
				continue;
			}
			Evidence evidence = evidence(prepared.get(0), other);
			if (evidence.score() >= threshold) {
				found.add(evidence);
			}
		}
		found.sort(Comparator.comparingDouble(Evidence::score).reversed());
		return found;
	}

	/**
	 * Matches the items of one village and week.
	 * @param confirmed pairs a person confirmed: they start joined
	 * @param rejected pairs a person rejected: never joined, directly or through others
	 */
	public Outcome match(List<Candidate> items, Collection<Pair> confirmed, Collection<Pair> rejected,
			double threshold) {
		List<Prepared> prepared = prepare(items);
		Map<ItemRef, Integer> index = new HashMap<>();
		for (int i = 0; i < prepared.size(); i++) {
			index.put(prepared.get(i).candidate.ref(), i);
		}
		int n = prepared.size();
		double[][] scores = new double[n][n];
		List<int[]> candidates = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				Prepared a = prepared.get(i);
				Prepared b = prepared.get(j);
				if (a.candidate.ref().kind() == b.candidate.ref().kind()) {
					continue;
				}
				double score = quickScore(a, b);
				scores[i][j] = score;
				scores[j][i] = score;
				if (score >= threshold) {
					candidates.add(new int[] { i, j });
				}
			}
		}
		Set<Pair> refused = new HashSet<>(rejected);
		List<Set<ItemRef>> groupOf = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			Set<ItemRef> alone = new LinkedHashSet<>();
			alone.add(prepared.get(i).candidate.ref());
			groupOf.add(alone);
		}
		for (Pair pair : confirmed) {
			Integer a = index.get(pair.left());
			Integer b = index.get(pair.right());
			if (a != null && b != null && groupOf.get(a) != groupOf.get(b)) {
				join(groupOf, index, groupOf.get(a), groupOf.get(b));
			}
		}
		// best first; ties in the order of the items, so a run is repeatable
		candidates.sort(Comparator.comparingDouble((int[] c) -> -scores[c[0]][c[1]])
			.thenComparingInt((int[] c) -> c[0])
			.thenComparingInt((int[] c) -> c[1]));
		for (int[] candidate : candidates) {
			Set<ItemRef> ga = groupOf.get(candidate[0]);
			Set<ItemRef> gb = groupOf.get(candidate[1]);
			if (ga == gb || !joinable(ga, gb, index, scores, refused, threshold)) {
				continue;
			}
			join(groupOf, index, ga, gb);
		}
		List<Set<ItemRef>> groups = new ArrayList<>();
		Set<Set<ItemRef>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Set<ItemRef> group : groupOf) {
			if (group.size() > 1 && seen.add(group)) {
				groups.add(Collections.unmodifiableSet(new TreeSet<>(group)));
			}
		}
		List<Scored> pairs = new ArrayList<>();
		for (Set<ItemRef> group : groups) {
			List<ItemRef> members = new ArrayList<>(group);
			for (int i = 0; i < members.size(); i++) {
				for (int j = i + 1; j < members.size(); j++) {
					if (members.get(i).kind() == members.get(j).kind()) {
						continue;
					}
					pairs.add(score(prepared.get(index.get(members.get(i))), prepared.get(index.get(members.get(j)))));
				}
			}
		}
		return new Outcome(groups, pairs);
	}

	private static boolean joinable(Set<ItemRef> a, Set<ItemRef> b, Map<ItemRef, Integer> index, double[][] scores,
			Set<Pair> refused, double threshold) {
		for (ItemRef x : a) {
			for (ItemRef y : b) {
				if (x.kind() == y.kind() || refused.contains(Pair.of(x, y))) {
					return false;
				}
				if (scores[index.get(x)][index.get(y)] < threshold / 2) {
					return false;
				}
			}
		}
		return true;
	}

	private static void join(List<Set<ItemRef>> groupOf, Map<ItemRef, Integer> index, Set<ItemRef> a, Set<ItemRef> b) {
		a.addAll(b);
		for (ItemRef ref : b) {
			groupOf.set(index.get(ref), a);
		}
	}

	static double dot(double[] a, double[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	static double cosine(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return (na == 0 || nb == 0) ? 0 : dot / Math.sqrt(na * nb);
	}

	static String format(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
