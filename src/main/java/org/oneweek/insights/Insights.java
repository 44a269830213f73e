package org.oneweek.insights;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseCategory;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.Cases;
import org.oneweek.diary.DiaryCompliance;
import org.oneweek.diary.DiaryCompliance.Tally;
import org.oneweek.insights.internal.LedgerFacts;
import org.oneweek.insights.internal.LedgerFacts.Scope;
import org.oneweek.insights.internal.LedgerFacts.VillagerCase;
import org.oneweek.insights.internal.Summary;
import org.oneweek.reconciliation.Reconciliations;
import org.oneweek.people.Member;
import org.oneweek.people.MemberId;
import org.oneweek.people.Members;
import org.oneweek.people.Unit;
import org.oneweek.people.UnitId;
import org.oneweek.people.Units;
import org.oneweek.places.Places;
import org.oneweek.places.Township;
import org.oneweek.places.TownshipId;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.roster.Term;
import org.oneweek.roster.TermId;
import org.oneweek.roster.Terms;
import org.oneweek.platform.Weeks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the program for the organization department: for any filter, the counts
 * of every {@link Measure}, the rates and times ({@link Figures}), grouped by a
 * {@link Breakdown}, and the cases behind each number.
 */
@Service
@Transactional(readOnly = true)
public class Insights {

	/** No drill-down lists more cases than this at once. */
	public static final int MAX_CASES = 2000;

	private final LedgerFacts facts;

	private final Cases cases;

	private final Places places;

	private final Units units;

	private final Members members;

	private final Terms terms;

	private final DiaryCompliance compliance;

	private final InsightsProperties properties;

	private final ZoneId zone;

	private final Reconciliations reconciliations;

	private final Summary tally;

	private final boolean summary;

	/** How long a read may spend reconciling the weeks changed since they were stored. */
	private final java.time.Duration blindSpotBudget;

	Insights(LedgerFacts facts, Summary tally,
			@org.springframework.beans.factory.annotation.Value("${oneweek.insights.summary.enabled:true}") boolean summary,
			Cases cases, Places places, Units units, Members members, Terms terms, DiaryCompliance compliance,
			Reconciliations reconciliations, InsightsProperties properties, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${oneweek.insights.blind-spot-budget:PT0.2S}") java.time.Duration blindSpotBudget) {
		this.blindSpotBudget = blindSpotBudget;
		this.facts = facts;
		this.tally = tally;
		this.summary = summary;
		this.reconciliations = reconciliations;
		this.cases = cases;
		this.places = places;
		this.units = units;
		this.members = members;
		this.terms = terms;
		this.compliance = compliance;
		this.properties = properties;
		this.zone = clock.getZone();
	}

	public ZoneId zone() {
		return zone;
	}

	public InsightsProperties properties() {
		return properties;
	}

	/** The figures of every case the filter takes in, now. */
	public Figures figures(MetricFilter filter, Instant now) {
		return figures(filter, now, null);
	}

	private Figures figures(MetricFilter filter, Instant now, Summary.@Nullable OpenFacts open) {
		Scope scope = scope(filter, now);
		Figures figures = summarized(filter) ? tally
			.figures(scope, properties,
					scope.townships() == null || scope.townships().size() == places.townships().size(), open)
			.orElseGet(() -> facts.figures(scope, properties)) : facts.figures(scope, properties);
		return figures.withPopulation(population(villagesIn(filter)));
	}

	/**
	 * Whether the summary is asked first: for a scope wider than a street (a street's or
	 * a village's cases are found by the villages' index), when it can answer the filter.
	 */
	private boolean summarized(MetricFilter filter) {
		return summary && filter.village() == null && filter.township() == null && tally.answers(filter);
	}

	/**
	 * Callback attempts on the cases in scope: attempts, reached, cases tried (from the
	 * summary when it can answer).
	 */
	long[] callbackAttempts(MetricFilter filter, Instant now) {
		Scope scope = scope(filter, now);
		return summarized(filter) ? tally.callbackAttempts(scope).orElseGet(() -> facts.callbackAttempts(scope))
				: facts.callbackAttempts(scope);
	}

	/** The summary's case changed without a ledger event (a callback attempt). */
	void summaryChanged(CaseId caseId) {
		tally.atCommit(caseId.value());
	}

	/**
	 * Builds the figures' summary anew from the ledger's rows (after the ledger was
	 * loaded by other means than the application, or to repair it).
	 * @return the cases summed
	 */
	@Transactional
	public long rebuildSummary() {
		// the stored reconciliations of the blind spots are computed again when next read
		reconciliations.staleAll();
		// so are the kept diary figures of settled terms
		compliance.forgetSettled();
		return tally.rebuild();
	}

	/**
	 * Settles the summary's open deadlines long past at this instant (see
	 * {@link Summary#settle}): the background job's and the start's.
	 * @return the cases' facts settled
	 */
	@Transactional
	public int settleSummary(Instant now) {
		return tally.settle(now);
	}

	/**
	 * Recomputes the figures' summary from the ledger's rows and says what differs (in a
	 * transaction that may write: the recomputation goes through temporary tables).
	 */
	@Transactional
	public SummaryCheck checkSummary() {
		Reconciliations.StoredCheck blind = reconciliations.checkStored();
		return tally.check().withBlindSpots(blind.weeks(), blind.differing());
	}

	/**
	 * Computes anew the stored reconciliation of every village-week with a villagers'
	 * case (the blind spots' rows), each week in a transaction of its own.
	 * @return the weeks computed
	 */
	public long rebuildBlindSpots(Instant now) {
		List<Reconciliations.VillageWeek> weeks = facts.villagerWeeks(scope(MetricFilter.ALL, now), null)
			.stream()
			.map((w) -> new Reconciliations.VillageWeek(VillageId.of(w.village()), w.monday()))
			.toList();
		return reconciliations.store(weeks, true, now);
	}

	/**
	 * Reconciles the village-weeks of the last {@link #BLIND_SPOT_WEEKS} weeks changed
	 * since they were stored (or never stored), the newest first, for at most the time
	 * given: the background job's catch-up, so that reads find them current.
	 * @return the weeks stored
	 */
	public int catchUpBlindSpots(Instant now, java.time.Duration budget) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		MetricFilter recent = MetricFilter.ALL.withPeriod(Weeks.mondayOf(today).minusWeeks(BLIND_SPOT_WEEKS - 1),
				today);
		List<Reconciliations.VillageWeek> stale = staleWeeks(scope(recent, now));
		return stale.isEmpty() ? 0 : reconciliations.store(stale, false, now, budget);
	}

	/**
	 * The village-weeks of a scope whose stored reconciliation is not current, the newest
	 * first.
	 */
	private List<Reconciliations.VillageWeek> staleWeeks(Scope scope) {
		return facts.villagerWeeks(scope, reconciliations.storedVersion())
			.stream()
			.sorted(java.util.Comparator.comparing(LedgerFacts.VillagerWeek::monday).reversed())
			.map((w) -> new Reconciliations.VillageWeek(VillageId.of(w.village()), w.monday()))
			.toList();
	}

	/** One row of a breakdown: the group's value, its name, and its figures. */
	public record Row(String key, String label, Figures figures) {

	}

	/** The figures of each group, in the order of the groups' values. */
	public List<Row> breakdown(MetricFilter filter, Breakdown by, Instant now, Locale locale) {
		return breakdown(filter, by, now, locale, null);
	}

	private List<Row> breakdown(MetricFilter filter, Breakdown by, Instant now, Locale locale,
			Summary.@Nullable OpenFacts open) {
		Scope scope = scope(filter, now);
		Map<String, Figures> rows = summarized(filter)
				? tally.breakdown(scope, by, properties, open).orElseGet(() -> facts.breakdown(scope, by, properties))
				: facts.breakdown(scope, by, properties);
		return rows(by, filter, rows, locale);
	}

	/** The rows of a breakdown's figures with their names and populations. */
	private List<Row> rows(Breakdown by, MetricFilter filter, Map<String, Figures> rows, Locale locale) {
		Function<String, String> label = labels(by, rows.keySet(), locale);
		Map<String, Long> populations = populations(by, filter);
		List<Row> result = new ArrayList<>();
		rows.forEach((key, figures) -> result.add(new Row(key, label.apply(key),
				figures.withPopulation(populations.isEmpty() ? null : populations.get(key)))));
		return result;
	}

	/**
	 * A table as a page shows it: its first and its last rows in its order, and how many
	 * rows the whole table has (in its export).
	 */
	public record Table(List<Row> rows, int total) {

	}

	/**
	 * The order of a table: places by composite (best first, the unjudged last), the
	 * others by cases (most first); then by name, and by key where names are alike.
	 */
	public static java.util.Comparator<Row> order(Breakdown by) {
		java.util.Comparator<Row> first = (by == Breakdown.VILLAGE || by == Breakdown.TOWNSHIP)
				? java.util.Comparator.comparing((Row r) -> r.figures().composite(),
						java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
				: java.util.Comparator.comparingLong((Row r) -> r.figures().cases()).reversed();
		return first.thenComparing(Row::label).thenComparing(Row::key);
	}

	/**
	 * The first and the last {@code ends} rows of a breakdown (not by period) in its
	 * {@link #order}, rows without a unit, member or team left out (they are no one's):
	 * ranked by the summary where it answers, so that only the rows shown are built and
	 * named; all the rows when there are no more than twice {@code ends}.
	 */
	public Table table(MetricFilter filter, Breakdown by, Instant now, Locale locale, int ends) {
		return table(filter, by, now, locale, ends, null);
	}

	/**
	 * A dashboard's figures of a filter, its trend by a period and its tables' ends (see
	 * {@link #table}), all at one "now": the open facts of the scope read once for all of
	 * them where the summary answers.
	 */
	public Dashboard dashboard(MetricFilter filter, Breakdown period, List<Breakdown> tables, Instant now,
			Locale locale, int ends) {
		Summary.OpenFacts open = (summarized(filter) && tally.usable(scope(filter, now)))
				? tally.openFacts(scope(filter, now)) : null;
		Map<Breakdown, Table> shown = new java.util.LinkedHashMap<>();
		for (Breakdown by : tables) {
			shown.put(by, table(filter, by, now, locale, ends, open));
		}
		return new Dashboard(figures(filter, now, open), breakdown(filter, period, now, locale, open), shown);
	}

	/** The figures, the trend and the tables of a dashboard. */
	public record Dashboard(Figures figures, List<Row> trend, Map<Breakdown, Table> tables) {

	}

	private Table table(MetricFilter filter, Breakdown by, Instant now, Locale locale, int ends,
			Summary.@Nullable OpenFacts open) {
		Scope scope = scope(filter, now);
		boolean places = by == Breakdown.VILLAGE || by == Breakdown.TOWNSHIP;
		// twice the ends: a row whose rank the database and Java would see a hair apart
		// is still among those ordered here
		Optional<Summary.Ends> ranked = summarized(filter) ? tally.ends(scope, by, properties, places, 4 * ends, open)
				: Optional.empty();
		Map<String, Figures> figures;
		int total;
		if (ranked.isPresent()) {
			figures = ranked.get().rows();
			total = ranked.get().total();
		}
		else {
			figures = new java.util.LinkedHashMap<>(facts.breakdown(scope, by, properties));
			figures.remove("");
			total = figures.size();
		}
		List<Row> rows = rows(by, filter, figures, locale);
		rows.sort(order(by));
		if (rows.size() <= 2 * ends) {
			return new Table(rows, total);
		}
		List<Row> shown = new ArrayList<>(rows.subList(0, ends));
		shown.addAll(rows.subList(rows.size() - ends, rows.size()));
		return new Table(shown, total);
	}

	/**
	 * The cases a number counts, oldest first: exactly those, up to {@link #MAX_CASES}.
	 */
	public List<Case> cases(MetricFilter filter, Measure measure, Instant now) {
		List<CaseId> ids = facts.cases(scope(filter, now), measure, MAX_CASES);
		Map<CaseId, Case> byId = cases.byIds(ids).stream().collect(Collectors.toMap(Case::id, (c) -> c));
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	/** The ids of the cases a number counts, oldest first. */
	public List<CaseId> caseIds(MetricFilter filter, Measure measure, Instant now, int limit) {
		return facts.cases(scope(filter, now), measure, Math.min(limit, MAX_CASES));
	}

	/**
	 * Diaries required and written by the teams in scope (by place, member and team; not
	 * by category or type, which diaries have not), over the filter's weeks, or the last
	 * 13 weeks when it has none; at most {@link DiaryCompliance#MAX_WEEKS}.
	 */
	public Tally diaryCompliance(MetricFilter filter, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		LocalDate to = (filter.to() != null && filter.to().isBefore(today)) ? filter.to() : today;
		LocalDate from = (filter.from() != null) ? filter.from() : Weeks.mondayOf(to).minusWeeks(12);
		if (to.isBefore(from)) {
			return Tally.NONE;
		}
		boolean everyVillage = filter.village() == null && filter.township() == null && filter.district() == null;
		@Nullable List<VillageId> villages = everyVillage ? null : villagesIn(filter).stream().map(Village::id).toList();
		return compliance.count(from, to, now, villages, filter.member(), filter.term());
	}

	/**
	 * How long the next teams took to acknowledge the hand-overs of the filter's places
	 * made in its period (by the day of the hand-over; the filter's other criteria do not
	 * apply to hand-overs).
	 */
	public HandoverDelay handoverDelay(MetricFilter filter, Instant now) {
		return facts.handoverDelays(scope(recent(filter, now), now), null).getOrDefault("", HandoverDelay.NONE);
	}

	/**
	 * The hand-overs the delay of a filter counts, or only those waiting for their
	 * acknowledgement: the slowest first, at most {@link #MAX_CASES}.
	 */
	public List<HandoverDelay.Handover> handovers(MetricFilter filter, boolean waitingOnly, Instant now) {
		return facts.handovers(scope(recent(filter, now), now), waitingOnly, MAX_CASES);
	}

	/**
	 * The filter, or when it has no period the same over the last 13 weeks (as the
	 * diaries' figures): how quickly the next teams take over is a figure of the present,
	 * and a province's ten years of hand-overs (1.3 million) are no dashboard's reading.
	 */
	private MetricFilter recent(MetricFilter filter, Instant now) {
		if (filter.from() != null || filter.to() != null) {
			return filter;
		}
		LocalDate today = LocalDate.ofInstant(now, zone);
		return filter.withPeriod(Weeks.mondayOf(today).minusWeeks(12), today);
	}

	/** One row of the hand-over delays by village, street or period. */
	public record HandoverRow(String key, String label, HandoverDelay delay) {

	}

	/**
	 * The hand-over delays by village, street or period, in the order of the groups'
	 * values.
	 * @throws InsightsException for another breakdown
	 */
	public List<HandoverRow> handoverDelays(MetricFilter filter, Breakdown by, Instant now, Locale locale) {
		Map<String, HandoverDelay> rows = facts.handoverDelays(scope(recent(filter, now), now), by);
		Function<String, String> label = labels(by, rows.keySet(), locale);
		List<HandoverRow> result = new ArrayList<>();
		rows.forEach((key, delay) -> result.add(new HandoverRow(key, label.apply(key), delay)));
		return result;
	}

	/**
	 * The hand-over delay of the filter and its rows by street and by village (as
	 * {@link #handoverDelay} and {@link #handoverDelays} give them), read at once.
	 */
	public HandoverTables handoverTables(MetricFilter filter, Instant now, Locale locale) {
		Map<String, Map<String, HandoverDelay>> sets = facts.handoverDelaysByPlace(scope(recent(filter, now), now));
		Map<Breakdown, List<HandoverRow>> tables = new java.util.LinkedHashMap<>();
		for (Breakdown by : List.of(Breakdown.TOWNSHIP, Breakdown.VILLAGE)) {
			Map<String, HandoverDelay> rows = sets.get(by.name());
			Function<String, String> label = labels(by, rows.keySet(), locale);
			List<HandoverRow> result = new ArrayList<>();
			rows.forEach((key, delay) -> result.add(new HandoverRow(key, label.apply(key), delay)));
			tables.put(by, result);
		}
		return new HandoverTables(sets.get("").getOrDefault("", HandoverDelay.NONE), tables);
	}

	/** The hand-over delay of a filter and its rows by street and village. */
	public record HandoverTables(HandoverDelay delay, Map<Breakdown, List<HandoverRow>> rows) {

	}

	/**
	 * A member's record under the filter (its period and places; the member is this one):
	 * terms served that began in the period by today, the cases heard and resolved, and
	 * diary compliance.
	 * @throws InsightsException when there is no such member
	 */
	public MemberRecord memberRecord(MemberId memberId, MetricFilter filter, Instant now) {
		Member member = members.member(memberId).orElseThrow(() -> new InsightsException("insights.member.unknown"));
		MetricFilter own = filter.withMember(memberId);
		LocalDate today = LocalDate.ofInstant(now, zone);
		java.util.Set<VillageId> villages = (filter.village() == null && filter.township() == null
				&& filter.district() == null) ? null
						: villagesIn(filter).stream().map(Village::id).collect(Collectors.toSet());
		List<Term> served = terms.allOfMember(memberId)
			.stream()
			.filter((t) -> !t.weekStart().isAfter(today))
			.filter((t) -> filter.from() == null || !t.weekEnd().isBefore(filter.from()))
			.filter((t) -> filter.to() == null || !t.weekStart().isAfter(filter.to()))
			.filter((t) -> villages == null || villages.contains(t.villageId()))
			.sorted(java.util.Comparator.comparing(Term::weekStart))
			.toList();
		long led = served.stream().filter((t) -> t.leadId().equals(memberId)).count();
		return new MemberRecord(member, served, led, figures(own, now), diaryCompliance(own, now));
	}

	/**
	 * A unit's record under the filter (its period and places; the unit is this one): the
	 * cases referred to it, resolved, in time, and their funding.
	 * @throws InsightsException when there is no such unit
	 */
	public UnitRecord unitRecord(UnitId unitId, MetricFilter filter, Instant now) {
		Unit unit = units.unit(unitId).orElseThrow(() -> new InsightsException("insights.unit.unknown"));
		return new UnitRecord(unit, figures(filter.withUnit(unitId), now));
	}

	/** The blind-spot rate looks at no more weeks than this at once. */
	public static final int BLIND_SPOT_WEEKS = 53;

	/** One row of the blind spots by a place, a category or a period. */
	public record BlindSpotRow(String key, String label, BlindSpotRate rate) {

	}

	/**
	 * The officials' blind spots among the villagers' problems in scope: the villagers'
	 * cases the filter takes in (by place, category, type, unit, member, team and the
	 * days they were received), as each village's week reconciled them
	 * ({@link BlindSpotRate}); over the filter's period, or the last 13 weeks when it has
	 * none; at most {@link #BLIND_SPOT_WEEKS} weeks (the latest).
	 */
	public BlindSpotRate blindSpots(MetricFilter filter, Instant now) {
		Reconciled r = reconciledProblems(filter, now);
		return total(r.problems(), r.pendingWeeks());
	}

	/**
	 * The blind spots by village, street, category, week, month, quarter or year (of the
	 * day the first villager's case of the problem was received), in the order of the
	 * groups' values.
	 * @throws InsightsException for another breakdown
	 */
	public List<BlindSpotRow> blindSpots(MetricFilter filter, Breakdown by, Instant now, Locale locale) {
		if (by == Breakdown.TYPE || by == Breakdown.UNIT || by == Breakdown.MEMBER || by == Breakdown.TEAM) {
			throw new InsightsException("insights.blindSpots.breakdown");
		}
		Map<String, List<Problem>> groups = new java.util.TreeMap<>();
		Reconciled reconciled = reconciledProblems(filter, now);
		for (Problem p : reconciled.problems()) {
			groups.computeIfAbsent(blindSpotKey(p, by), (k) -> new ArrayList<>()).add(p);
		}
		Function<String, String> label = labels(by, groups.keySet(), locale);
		List<BlindSpotRow> rows = new ArrayList<>();
		groups.forEach((key, problems) -> rows
			.add(new BlindSpotRow(key, label.apply(key), total(problems, reconciled.pendingWeeks()))));
		return rows;
	}

	/**
	 * The cases themselves, in the order of the ids given (at most {@link #MAX_CASES}).
	 */
	public List<Case> casesOf(List<CaseId> ids) {
		List<CaseId> first = (ids.size() > MAX_CASES) ? ids.subList(0, MAX_CASES) : ids;
		Map<CaseId, Case> byId = cases.byIds(first).stream().collect(Collectors.toMap(Case::id, (c) -> c));
		return first.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	/**
	 * One villagers' problem of a week's reconciliation: its villagers' cases in scope.
	 */
	private record Problem(List<VillagerCase> cases, boolean blind, String category) {

		VillagerCase first() {
			return cases.get(0);
		}

	}

	/** The problems of the weeks reconciled, and the weeks left for later. */
	private record Reconciled(List<Problem> problems, int pendingWeeks) {

	}

	private Reconciled reconciledProblems(MetricFilter filter, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		LocalDate to = (filter.to() != null && filter.to().isBefore(today)) ? filter.to() : today;
		LocalDate from = (filter.from() != null) ? filter.from() : Weeks.mondayOf(to).minusWeeks(12);
		LocalDate earliest = Weeks.mondayOf(to).minusWeeks(BLIND_SPOT_WEEKS - 1);
		if (from.isBefore(earliest)) {
			from = earliest;
		}
		if (to.isBefore(from)) {
			return new Reconciled(List.of(), 0);
		}
		Scope scope = scope(filter.withPeriod(from, to), now);
		// the weeks whose stored result is not current are computed first, each in a
		// transaction of its own: what is read next is exact
		// (the newest first, for at most oneweek.insights.blind-spot-budget: after a bulk
		// load the rest are left out and counted as pending, rather than a request that
		// never ends)
		List<Reconciliations.VillageWeek> stale = staleWeeks(scope);
		java.util.Set<String> pending = new java.util.HashSet<>();
		if (!stale.isEmpty()) {
			int reached = reconciliations.storeWithin(stale, false, now, blindSpotBudget)[0];
			stale.subList(reached, stale.size()).forEach((w) -> pending.add(w.village().value() + "/" + w.monday()));
		}
		List<Problem> problems = new ArrayList<>();
		List<VillagerCase> line = new ArrayList<>();
		LedgerFacts.ProblemCase head = null;
		for (LedgerFacts.ProblemCase pc : facts.problemCases(scope, Weeks.mondayOf(from), Weeks.mondayOf(to))) {
			if (!pending.isEmpty() && pending.contains(pc.village() + "/" + pc.monday())) {
				continue;
			}
			if (head != null && (head.village() != pc.village() || !head.monday().equals(pc.monday())
					|| head.line() != pc.line())) {
				problems.add(problem(head, line));
				line = new ArrayList<>();
			}
			head = pc;
			line.add(pc.c());
		}
		if (head != null) {
			problems.add(problem(head, line));
		}
		problems.sort(java.util.Comparator.comparing((Problem p) -> p.first().receivedAt())
			.thenComparing((p) -> p.first().id().value()));
		return new Reconciled(problems, pending.size());
	}

	private static Problem problem(LedgerFacts.ProblemCase line, List<VillagerCase> counted) {
		return new Problem(List.copyOf(counted), line.blind(),
				line.category().isEmpty() ? counted.get(0).category() : line.category());
	}

	private static BlindSpotRate total(List<Problem> problems, int pendingWeeks) {
		List<CaseId> all = new ArrayList<>();
		List<CaseId> blind = new ArrayList<>();
		int blindCount = 0;
		for (Problem p : problems) {
			p.cases().forEach((c) -> all.add(c.id()));
			if (p.blind()) {
				blindCount++;
				p.cases().forEach((c) -> blind.add(c.id()));
			}
		}
		return new BlindSpotRate(problems.size(), blindCount, all, blind, pendingWeeks);
	}

	private String blindSpotKey(Problem p, Breakdown by) {
		LocalDate day = LocalDate.ofInstant(p.first().receivedAt(), zone);
		return switch (by) {
			case VILLAGE -> String.valueOf(p.first().village());
			case TOWNSHIP -> String.valueOf(p.first().township());
			case CATEGORY -> p.category();
			case WEEK, MONTH, QUARTER, YEAR -> by.periodKey(day);
			default -> "";
		};
	}

	/** The villages a filter's places take in (every village when it names none). */
	public List<Village> villagesIn(MetricFilter filter) {
		if (filter.village() != null) {
			return places.village(filter.village()).stream().toList();
		}
		if (filter.township() != null) {
			return places.villagesOf(filter.township());
		}
		if (filter.district() != null) {
			List<Village> villages = new ArrayList<>();
			for (TownshipId t : townshipsOf(filter)) {
				villages.addAll(places.villagesOf(t));
			}
			return villages;
		}
		return places.villages();
	}

	Scope scope(MetricFilter filter, Instant now) {
		return new Scope(filter, (filter.district() != null) ? townshipsOf(filter) : null, zone, now);
	}

	private List<TownshipId> townshipsOf(MetricFilter filter) {
		return places.townships()
			.stream()
			.filter((t) -> t.districtId().equals(filter.district()))
			.map(Township::id)
			.toList();
	}

	private static @Nullable Long population(Collection<Village> villages) {
		long sum = 0;
		boolean any = false;
		for (Village v : villages) {
			if (v.population() != null) {
				sum += v.population();
				any = true;
			}
		}
		return any ? sum : null;
	}

	private Map<String, Long> populations(Breakdown by, MetricFilter filter) {
		if (by != Breakdown.VILLAGE && by != Breakdown.TOWNSHIP) {
			return Map.of();
		}
		Map<String, Long> sums = new HashMap<>();
		for (Village v : villagesIn(filter)) {
			if (v.population() != null) {
				String key = (by == Breakdown.VILLAGE) ? v.id().toString() : v.townshipId().toString();
				sums.merge(key, v.population().longValue(), Long::sum);
			}
		}
		return sums;
	}

	private Function<String, String> labels(Breakdown by, Collection<String> keys, Locale locale) {
		boolean zh = !"en".equals(locale.getLanguage());
		Map<String, String> names = new HashMap<>();
		switch (by) {
			case VILLAGE ->
				places.villages(ids(keys, VillageId::of)).forEach((v) -> names.put(v.id().toString(), v.name()));
			case TOWNSHIP -> places.townships().forEach((t) -> names.put(t.id().toString(), t.name()));
			case CATEGORY -> {
				for (CaseCategory c : cases.categories()) {
					names.put(c.code(), zh ? c.nameZh() : c.nameEn());
				}
			}
			case UNIT -> {
				for (Unit u : units.all()) {
					names.put(u.id().toString(), u.name());
				}
			}
			case MEMBER -> {
				for (Member m : members.members(ids(keys, MemberId::of))) {
					names.put(m.id().toString(), m.name());
				}
			}
			case TEAM -> {
				for (String key : keys) {
					Optional<Term> term = parse(key).flatMap((id) -> terms.byId(TermId.of(id)));
					term.ifPresent((t) -> names.put(key,
							places.village(t.villageId()).map(Village::name).orElse("") + " " + t.week()));
				}
			}
			default -> {
			}
		}
		return (key) -> names.getOrDefault(key, key);
	}

	private static <T> List<T> ids(Collection<String> keys, java.util.function.LongFunction<T> id) {
		return keys.stream().map(Insights::parse).flatMap(Optional::stream).map(id::apply).toList();
	}

	private static Optional<Long> parse(String key) {
		try {
			long value = Long.parseLong(key);
			return (value > 0) ? Optional.of(value) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
