package org.oneweek.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.oneweek.diary.DiaryAccess;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Role;
import org.oneweek.places.Places;
import org.oneweek.places.Township;
import org.oneweek.places.TownshipId;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Weeks;
import org.oneweek.reconciliation.Proposal.Standing;
import org.oneweek.reconciliation.WeekReconciliation.Match;
import org.oneweek.reconciliation.internal.DecisionStore;
import org.oneweek.reconciliation.internal.EmbeddingStore;
import org.oneweek.reconciliation.internal.Matching;
import org.oneweek.reconciliation.internal.Matching.Candidate;
import org.oneweek.reconciliation.internal.Matching.Outcome;
import org.oneweek.reconciliation.internal.Matching.Scored;
import org.oneweek.reconciliation.internal.WeekItems;
import org.oneweek.reconciliation.internal.WeekItems.Lists;
import org.oneweek.roster.Term;
import org.oneweek.text.ChineseText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reconciliation of a village's week: read (the matching runs on the stored
 * embeddings, computing the missing ones), and the team's decisions on its pairs.
 * <p>
 * Who: the organization department reads and decides every village's; the week's team
 * decides its own (during the term and after) and later teams of the village read it; the
 * village committee reads its village's.
 */
@Service
public class Reconciliations {

	private final WeekItems weekItems;

	private final EmbeddingStore embeddings;

	private final DecisionStore decisions;

	private final DiaryAccess diaryAccess;

	private final Matching matching;

	private final double threshold;

	private final Places places;

	Reconciliations(WeekItems weekItems, EmbeddingStore embeddings, DecisionStore decisions, DiaryAccess diaryAccess,
			Places places, ChineseText text,
			@Value("${oneweek.reconciliation.threshold:" + Matching.DEFAULT_THRESHOLD + "}") double threshold) {
		this.weekItems = weekItems;
		this.embeddings = embeddings;
		this.decisions = decisions;
		this.diaryAccess = diaryAccess;
		this.places = places;
		this.matching = new Matching(text);
		this.threshold = threshold;
	}

	/**
	 * The week of the day given, as the person may see it.
	 * @throws AccessDeniedException when they may not
	 */
	@Transactional(readOnly = true)
	public WeekReconciliation week(VillageId villageId, LocalDate day, AccountPrincipal me) {
		LocalDate monday = Weeks.mondayOf(day);
		Lists lists = weekItems.of(villageId, monday);
		if (!canRead(me, villageId, lists.term())) {
			throw new AccessDeniedException("reconciliation of village " + villageId);
		}
		return compute(villageId, monday, lists);
	}

	/** Whether the person may confirm, reject and pair in the week of the day given. */
	@Transactional(readOnly = true)
	public boolean canDecide(VillageId villageId, LocalDate day, AccountPrincipal me) {
		return canDecide(me, weekItems.of(villageId, Weeks.mondayOf(day)).term());
	}

	/**
	 * The week as the report and the district see it, whoever asks: the caller checked.
	 */
	@Transactional(readOnly = true)
	public WeekReconciliation computed(VillageId villageId, LocalDate day) {
		LocalDate monday = Weeks.mondayOf(day);
		return compute(villageId, monday, weekItems.of(villageId, monday));
	}

	/**
	 * Confirms a pair (the same problem), rejects it, or pairs two items by hand;
	 * replaces an earlier decision on the pair.
	 * @throws AccessDeniedException when the person may not decide in this week
	 * @throws ReconciliationRuleException when an item is not on the week's lists
	 */
	@Transactional
	public Decision decide(VillageId villageId, LocalDate day, Pair pair, Verdict verdict, boolean manual,
			AccountPrincipal me, Instant now) {
		LocalDate monday = Weeks.mondayOf(day);
		Lists lists = weekItems.of(villageId, monday);
		if (!canDecide(me, lists.term())) {
			throw new AccessDeniedException("reconciliation decisions of village " + villageId);
		}
		Set<ItemRef> known = new HashSet<>();
		lists.items().forEach((i) -> known.add(i.ref()));
		if (!known.contains(pair.left()) || !known.contains(pair.right())) {
			throw new ReconciliationRuleException("reconciliation.item.notThisWeek");
		}
		decisions.save(villageId, monday, pair, verdict, manual, me, now);
		return new Decision(pair, verdict, manual, me.displayName(), now);
	}

	/**
	 * The district's blind spots over the given number of weeks up to the week of the day
	 * given (oldest first), for the organization department.
	 * @throws AccessDeniedException for anybody else
	 */
	@Transactional(readOnly = true)
	public BlindSpots blindSpots(LocalDate day, int weekCount, @Nullable TownshipId township, AccountPrincipal me) {
		if (!me.has(Role.ORG_ADMIN)) {
			throw new AccessDeniedException("the district's blind spots");
		}
		int n = Math.max(1, Math.min(weekCount, 26));
		LocalDate last = Weeks.mondayOf(day);
		List<LocalDate> weeks = new ArrayList<>();
		for (int i = n - 1; i >= 0; i--) {
			weeks.add(last.minusWeeks(i));
		}
		Map<Long, Township> townships = new HashMap<>();
		places.townships().forEach((t) -> townships.put(t.id().value(), t));
		Map<Village, List<WeekReconciliation>> byVillage = new LinkedHashMap<>();
		for (Village village : places.villages()) {
			if (!village.active() || (township != null && !township.equals(village.townshipId()))) {
				continue;
			}
			List<WeekReconciliation> reconciliations = new ArrayList<>();
			for (LocalDate monday : weeks) {
				reconciliations.add(compute(village.id(), monday, weekItems.of(village.id(), monday)));
			}
			byVillage.put(village, reconciliations);
		}
		return BlindSpots.of(weeks, byVillage, townships);
	}

	private boolean canRead(AccountPrincipal me, VillageId villageId, Optional<Term> term) {
		if (me.has(Role.ORG_ADMIN)) {
			return true;
		}
		if (me.has(Role.COMMITTEE) && villageId.equals(me.villageId())) {
			return true;
		}
		return term.isPresent() && diaryAccess.canRead(me, term.get());
	}

	private boolean canDecide(AccountPrincipal me, Optional<Term> term) {
		return me.has(Role.ORG_ADMIN) || (term.isPresent() && diaryAccess.onTeam(me, term.get()));
	}

	private WeekReconciliation compute(VillageId villageId, LocalDate monday, Lists lists) {
		List<Item> items = lists.items();
		Map<ItemRef, float[]> vectors = embeddings.vectors(items).vectors();
		List<Candidate> candidates = new ArrayList<>(items.size());
		Map<ItemRef, Item> byRef = new HashMap<>();
		for (Item item : items) {
			candidates.add(new Candidate(item.ref(), item.category(), item.text(), vectors.get(item.ref())));
			byRef.put(item.ref(), item);
		}
		Map<Pair, Decision> decided = new HashMap<>();
		for (Decision decision : decisions.of(villageId, monday)) {
			if (byRef.containsKey(decision.pair().left()) && byRef.containsKey(decision.pair().right())) {
				decided.put(decision.pair(), decision);
			}
		}
		Set<Pair> linked = new HashSet<>(lists.linked());
		List<Pair> confirmed = new ArrayList<>(linked);
		List<Pair> rejected = new ArrayList<>();
		List<Decision> rejections = new ArrayList<>();
		decided.forEach((pair, decision) -> {
			if (decision.verdict() == Verdict.CONFIRMED) {
				confirmed.add(pair);
			}
			else if (!linked.contains(pair)) {
				rejected.add(pair);
				rejections.add(decision);
			}
		});
		Outcome outcome = matching.match(candidates, confirmed, rejected, threshold);
		Map<Pair, Scored> scored = new HashMap<>();
		outcome.pairs().forEach((s) -> scored.put(s.pair(), s));
		List<Match> matches = new ArrayList<>();
		for (Set<ItemRef> group : outcome.groups()) {
			List<Item> members = group.stream().map(byRef::get).toList();
			List<Proposal> pairs = new ArrayList<>();
			for (Scored s : outcome.pairs()) {
				if (group.contains(s.pair().left())) {
					Decision decision = decided.get(s.pair());
					Standing standing = linked.contains(s.pair()) ? Standing.LINKED
							: (decision != null && decision.verdict() == Verdict.CONFIRMED) ? Standing.CONFIRMED
									: Standing.PROPOSED;
					pairs.add(new Proposal(s.pair(), s.score(), s.cosine(), s.reasons(), standing, decision));
				}
			}
			matches.add(new Match(members, pairs));
		}
		rejections.sort((a, b) -> a.decidedAt().compareTo(b.decidedAt()));
		return new WeekReconciliation(villageId, monday, Weeks.label(monday), lists.of(ItemKind.VILLAGER),
				lists.of(ItemKind.OFFICIAL), lists.of(ItemKind.FINDING), matches, rejections, threshold);
	}

}
