package org.oneweek.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseAccess;
import org.oneweek.casework.CaseAccess.Operation;
import org.oneweek.casework.CaseActions;
import org.oneweek.casework.CaseCommands.AddNote;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.Cases;
import org.oneweek.diary.DecideFinding;
import org.oneweek.diary.FindingOutcome;
import org.oneweek.diary.Inspection;
import org.oneweek.diary.Inspections;
import org.oneweek.platform.OneweekProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
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
import org.oneweek.reconciliation.internal.SentenceModel;
import org.oneweek.reconciliation.internal.WeekItems;
import org.oneweek.reconciliation.internal.WeekResults;
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

	/** How far back "is it one of these?" looks for open cases. */
	static final int SIMILAR_DAYS = 90;

	private static final Logger log = LoggerFactory.getLogger(Reconciliations.class);

	private final Places places;

	private final Cases cases;

	private final CaseAccess caseAccess;

	private final CaseActions caseActions;

	private final Inspections inspections;

	private final MessageSource messages;

	private final ZoneId zone;

	private final WeekResults results;

	Reconciliations(WeekItems weekItems, EmbeddingStore embeddings, DecisionStore decisions, DiaryAccess diaryAccess,
			Places places, Cases cases, CaseAccess caseAccess, CaseActions caseActions, Inspections inspections,
			MessageSource messages, OneweekProperties properties, ChineseText text, WeekResults results,
			@Value("${oneweek.reconciliation.threshold:" + Matching.DEFAULT_THRESHOLD + "}") double threshold) {
		this.results = results;
		this.weekItems = weekItems;
		this.embeddings = embeddings;
		this.decisions = decisions;
		this.diaryAccess = diaryAccess;
		this.places = places;
		this.cases = cases;
		this.caseAccess = caseAccess;
		this.caseActions = caseActions;
		this.inspections = inspections;
		this.messages = messages;
		this.zone = properties.zone();
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

	/** A village's week, by its Monday. */
	public record VillageWeek(VillageId village, LocalDate monday) {

	}

	/**
	 * What the stored results depend on besides the data: the threshold, the model and
	 * the matching; a week stored under another is computed again when needed.
	 */
	public String storedVersion() {
		return "threshold=" + threshold + ";model=" + SentenceModel.NAME + ";matching=1";
	}

	/** How many times a week's computation begins again when another stored first. */
	private static final int STORE_ATTEMPTS = 5;

	/**
	 * Brings the stored results of the weeks given up to date (those never computed, of
	 * another version, or marked stale by a change since; every one when forced), each in
	 * a transaction of its own ({@code reconciliation_week},
	 * {@code reconciliation_problem}: per line with a villager's case, its cases and
	 * whether it is a blind spot): computed in the caller's transaction (a read-only
	 * request's), stored in one of its own.
	 * @return how many weeks were stored
	 */
	public int store(java.util.Collection<VillageWeek> weeks, boolean force, Instant now) {
		return store(weeks, force, now, null);
	}

	/**
	 * The same, in the order given, for at most the time given ({@code null}: all of
	 * them): the weeks left are for a later call.
	 * @return how many weeks were stored
	 */
	public int store(java.util.Collection<VillageWeek> weeks, boolean force, Instant now,
			java.time.@Nullable Duration budget) {
		return storeWithin(weeks, force, now, budget)[1];
	}

	/**
	 * The same, saying how far it went: the weeks it went through (the first ones given,
	 * each stored, found current, or given up after {@value #STORE_ATTEMPTS} attempts)
	 * and of those, how many it stored; the weeks after them were not reached in the
	 * time.
	 */
	public int[] storeWithin(java.util.Collection<VillageWeek> weeks, boolean force, Instant now,
			java.time.@Nullable Duration budget) {
		String version = storedVersion();
		int computed = 0;
		int reached = 0;
		long until = (budget == null) ? Long.MAX_VALUE : System.nanoTime() + budget.toNanos();
		for (VillageWeek week : weeks) {
			if (System.nanoTime() > until) {
				break;
			}
			reached++;
			LocalDate monday = Weeks.mondayOf(week.monday());
			// another computation of the week that stored its result first may have begun
			// before a change this one saw: then this one begins again
			for (int attempt = 0; attempt < STORE_ATTEMPTS; attempt++) {
				WeekResults.Start start = results.begin(week.village(), monday);
				if (!force && start.current(version)) {
					break;
				}
				WeekReconciliation result = compute(week.village(), monday, weekItems.of(week.village(), monday));
				if (results.write(week.village(), monday, start, version, result, now)) {
					computed++;
					break;
				}
			}
		}
		return new int[] { reached, computed };
	}

	/**
	 * Marks every stored week stale (after data was changed by other means than the
	 * application): each is computed again when next needed.
	 */
	@Transactional
	public void staleAll() {
		results.staleAll();
	}

	/**
	 * What a recomputation of every stored week a read would trust found.
	 *
	 * @param weeks the weeks stored, current and not stale
	 * @param differing of those, weeks whose stored problems differ from the
	 * recomputation
	 */
	public record StoredCheck(long weeks, long differing) {

	}

	/** Recomputes every stored week a read would trust and says how many differ. */
	@Transactional(readOnly = true)
	public StoredCheck checkStored() {
		long weeks = 0;
		long differing = 0;
		for (WeekResults.VillageWeekRow week : results.fresh(storedVersion())) {
			weeks++;
			VillageId villageId = VillageId.of(week.village());
			List<String> recomputed = WeekResults
				.signature(WeekResults.rows(compute(villageId, week.monday(), weekItems.of(villageId, week.monday()))));
			if (!recomputed.equals(results.stored(week))) {
				differing++;
			}
		}
		return new StoredCheck(weeks, differing);
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
		results.stale(villageId, monday);
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

	/**
	 * After a pair is confirmed, links its items where the ledger and the diary keep
	 * links: each case of the pair gets an internal note naming the other item (its
	 * number, list and text, and who confirmed it), and a finding that has no case yet is
	 * linked to the case of the pair. Each link is its own change, made only where the
	 * person may make it; one that cannot be made leaves the decision standing. Not
	 * transactional on purpose: a refused link must not undo the others.
	 * @return how many links were made
	 */
	public int link(VillageId villageId, LocalDate day, Pair pair, AccountPrincipal me, Instant now) {
		LocalDate monday = Weeks.mondayOf(day);
		Lists lists = weekItems.of(villageId, monday);
		Item a = lists.items().stream().filter((i) -> i.ref().equals(pair.left())).findFirst().orElse(null);
		Item b = lists.items().stream().filter((i) -> i.ref().equals(pair.right())).findFirst().orElse(null);
		if (a == null || b == null) {
			return 0;
		}
		LocalDate today = LocalDate.ofInstant(now, zone);
		int links = 0;
		for (Item[] ends : new Item[][] { { a, b }, { b, a } }) {
			Item self = ends[0];
			Item other = ends[1];
			if (self.caseId() == null) {
				continue;
			}
			if (self.kind() == ItemKind.FINDING && other.caseId() != null) {
				continue;
			}
			Case c = cases.byId(CaseId.of(self.caseId())).orElse(null);
			if (c == null || !caseAccess.permission(me, c, today).allows(Operation.NOTE) || !c.isOpen()) {
				continue;
			}
			String note = messages.getMessage(
					"reconciliation.link.note", new Object[] { listName(other.kind()),
							(other.reference() != null) ? other.reference() : "", other.title(), me.displayName() },
					Locale.SIMPLIFIED_CHINESE);
			try {
				caseActions.note(c.reference(), AddNote.internalNote(note), me, now);
				links++;
			}
			catch (RuntimeException ex) {
				log.info("Reconciliation note on {} not made: {}", c.reference(), ex.toString());
			}
		}
		for (Item[] ends : new Item[][] { { a, b }, { b, a } }) {
			Item finding = ends[0];
			Item other = ends[1];
			if (finding.kind() != ItemKind.FINDING || finding.caseId() != null || other.reference() == null) {
				continue;
			}
			Inspection walk = lists.walks().get(finding.ref().id());
			if (walk == null || !inspections.canChange(walk, me, now)) {
				continue;
			}
			try {
				inspections.decide(finding.ref().id(),
						new DecideFinding(FindingOutcome.LINK, null, null, other.reference()), me, now);
				links++;
			}
			catch (RuntimeException ex) {
				log.info("Finding {} not linked to {}: {}", finding.ref().id(), other.reference(), ex.toString());
			}
		}
		return links;
	}

	private String listName(ItemKind kind) {
		return messages.getMessage("reconciliation.list." + kind.name(), null, Locale.SIMPLIFIED_CHINESE);
	}

	/**
	 * Merges the case of a confirmed pair that is not the villager's (the officials'
	 * item, or the finding's case) into the villager's case: the duplicate in the ledger.
	 * The ledger decides who may (the team, the department).
	 * @throws ReconciliationRuleException when the pair is not confirmed or has no two
	 * cases
	 */
	public void merge(VillageId villageId, LocalDate day, Pair pair, AccountPrincipal me, Instant now) {
		LocalDate monday = Weeks.mondayOf(day);
		boolean confirmed = decisions.of(villageId, monday)
			.stream()
			.anyMatch((d) -> d.pair().equals(pair) && d.verdict() == Verdict.CONFIRMED);
		Lists lists = weekItems.of(villageId, monday);
		if (!confirmed && !lists.linked().contains(pair)) {
			throw new ReconciliationRuleException("reconciliation.merge.notConfirmed");
		}
		Item villager = lists.items()
			.stream()
			.filter((i) -> pair.has(i.ref()) && i.kind() == ItemKind.VILLAGER)
			.findFirst()
			.orElse(null);
		Item duplicate = lists.items()
			.stream()
			.filter((i) -> pair.has(i.ref()) && i.kind() != ItemKind.VILLAGER)
			.findFirst()
			.orElse(null);
		if (villager == null || duplicate == null || villager.reference() == null || duplicate.reference() == null
				|| villager.reference().equals(duplicate.reference())) {
			throw new ReconciliationRuleException("reconciliation.merge.twoCases");
		}
		String reason = messages.getMessage("reconciliation.merge.reason", null, Locale.SIMPLIFIED_CHINESE);
		caseActions.merge(duplicate.reference(), villager.reference(), reason, me, now);
	}

	/**
	 * The village's open cases that look like the same problem as the text given, best
	 * first, those the person may read: "is it one of these?" at intake. Uses the same
	 * method as the matching (stored embeddings; the text's own is computed now).
	 */
	@Transactional(readOnly = true)
	public List<Similar> similar(VillageId villageId, @Nullable String category, String text, @Nullable CaseId except,
			AccountPrincipal me, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		return similar(villageId, category, text, except, (c) -> caseAccess.permission(me, c, today).canRead(), now);
	}

	/**
	 * The same, over every open case of the village: for a request that arrives with no
	 * person to ask (Open311), whose suggestions are kept for whoever reviews it; the
	 * caller decides which cases may be shown.
	 */
	public List<Similar> similar(VillageId villageId, @Nullable String category, String text, @Nullable CaseId except,
			java.util.function.Predicate<Case> visible, Instant now) {
		if (text.isBlank()) {
			return List.of();
		}
		Instant since = now.minus(java.time.Duration.ofDays(SIMILAR_DAYS));
		List<Case> open = cases.receivedInVillage(villageId, since, now.plusSeconds(1))
			.stream()
			.filter(Case::isOpen)
			.filter((c) -> except == null || !c.id().equals(except))
			.filter(visible)
			.toList();
		if (open.isEmpty()) {
			return List.of();
		}
		List<Item> items = open.stream().map(WeekItems::caseItem).toList();
		Map<ItemRef, float[]> vectors = embeddings.vectors(items).vectors();
		List<Candidate> others = new ArrayList<>();
		Map<ItemRef, Case> byRef = new HashMap<>();
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i);
			// every case is compared as a villager's problem: the probe is the other side
			ItemRef ref = new ItemRef(ItemKind.OFFICIAL, item.ref().id());
			others.add(new Candidate(ref, item.category(), item.text(), vectors.get(item.ref())));
			byRef.put(ref, open.get(i));
		}
		Candidate probe = new Candidate(new ItemRef(ItemKind.VILLAGER, Long.MAX_VALUE), blankToNull(category), text,
				embeddings.embed(text));
		List<Similar> similar = new ArrayList<>();
		for (Matching.Evidence evidence : matching.similar(probe, others, threshold)) {
			Case c = byRef.get(evidence.ref());
			similar.add(new Similar(c, evidence.score(), evidence.reasons()));
			if (similar.size() == 5) {
				break;
			}
		}
		return similar;
	}

	/** A case that looks like the same problem, with its score and reasons. */
	public record Similar(Case c, double score, List<Reason> reasons) {

		public String scoreText() {
			return String.format(Locale.ROOT, "%.2f", score);
		}

	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text;
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
