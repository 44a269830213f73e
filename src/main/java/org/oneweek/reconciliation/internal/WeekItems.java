package org.oneweek.reconciliation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseId;
import org.oneweek.casework.CaseSource;
import org.oneweek.casework.CaseState;
import org.oneweek.casework.Cases;
import org.oneweek.diary.Inspection;
import org.oneweek.diary.Inspection.Finding;
import org.oneweek.diary.Inspections;
import org.oneweek.places.VillageId;
import org.oneweek.platform.OneweekProperties;
import org.oneweek.reconciliation.Item;
import org.oneweek.reconciliation.ItemKind;
import org.oneweek.reconciliation.ItemRef;
import org.oneweek.reconciliation.Pair;
import org.oneweek.roster.Term;
import org.oneweek.roster.Terms;
import org.springframework.stereotype.Component;

/**
 * The three lists of a village's week, read through the ledger's and the diary's APIs:
 * <ul>
 * <li>villagers' problems: the village's cases received in the week from any source but
 * the officials' list and inspections (morning meetings, walk-ins, phone, follow-ups,
 * Open311), merged duplicates left out;</li>
 * <li>the officials' list: cases of source "officials' list" received in the week or the
 * week before (the committee enters its list before the team arrives), also once merged
 * into the villager's case they matched;</li>
 * <li>findings: the findings of the inspections of the village's term that week. A
 * finding linked to a villager's case is already a match, made by the person who linked
 * it.</li>
 * </ul>
 */
@Component
public class WeekItems {

	private static final Set<CaseSource> NOT_VILLAGERS = Set.of(CaseSource.OFFICIALS_LIST, CaseSource.INSPECTION);

	private final Cases cases;

	private final Terms terms;

	private final Inspections inspections;

	private final ZoneId zone;

	WeekItems(Cases cases, Terms terms, Inspections inspections, OneweekProperties properties) {
		this.cases = cases;
		this.terms = terms;
		this.inspections = inspections;
		this.zone = properties.zone();
	}

	/** The lists, and the matches already made by linking a finding to a case. */
	public record Lists(List<Item> items, List<Pair> linked, Optional<Term> term, Map<Long, Inspection> walks) {

		public List<Item> of(ItemKind kind) {
			return items.stream().filter((i) -> i.kind() == kind).toList();
		}

	}

	public Lists of(VillageId villageId, LocalDate monday) {
		Instant from = monday.atStartOfDay(zone).toInstant();
		Instant to = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
		Instant officialsFrom = monday.minusWeeks(1).atStartOfDay(zone).toInstant();
		List<Item> items = new ArrayList<>();
		for (Case c : cases.receivedInVillage(villageId, officialsFrom, to)) {
			if (c.source() == CaseSource.OFFICIALS_LIST) {
				// merged into the villager's case it matched, it is still on the
				// officials' list
				items.add(item(ItemKind.OFFICIAL, c));
			}
			else if (c.state() != CaseState.MERGED && !NOT_VILLAGERS.contains(c.source())
					&& !c.receivedAt().isBefore(from)) {
				items.add(item(ItemKind.VILLAGER, c));
			}
		}
		Map<Long, Item> villagerByCase = new HashMap<>();
		items.stream().filter((i) -> i.kind() == ItemKind.VILLAGER).forEach((i) -> villagerByCase.put(i.caseId(), i));
		Optional<Term> term = terms.ofVillage(villageId, monday);
		List<Pair> linked = new ArrayList<>();
		Map<Long, Inspection> walks = new HashMap<>();
		if (term.isPresent()) {
			List<Finding> findings = new ArrayList<>();
			for (Inspection inspection : inspections.ofTerm(term.get().id())) {
				findings.addAll(inspection.findings());
				inspection.findings().forEach((f) -> walks.put(f.id(), inspection));
			}
			List<CaseId> caseIds = findings.stream().map(Finding::caseId).filter((id) -> id != null).toList();
			Map<CaseId, Case> findingCases = new HashMap<>();
			cases.byIds(caseIds).forEach((c) -> findingCases.put(c.id(), c));
			for (Finding finding : findings) {
				Case c = (finding.caseId() != null) ? findingCases.get(finding.caseId()) : null;
				Item item = new Item(new ItemRef(ItemKind.FINDING, finding.id()), (c != null) ? c.category() : null,
						join(finding.text(), finding.details()), finding.text(), (c != null) ? c.reference() : null,
						(c != null) ? c.id().value() : null, finding.recordedAt());
				items.add(item);
				Item villager = (c != null) ? villagerByCase.get(c.id().value()) : null;
				if (villager != null) {
					linked.add(Pair.of(villager.ref(), item.ref()));
				}
			}
		}
		return new Lists(items, linked, term, walks);
	}

	/** One case as an item of a list, by id (for the embedding worker). */
	public Optional<Item> caseItem(CaseId caseId) {
		return cases.byId(caseId).map((c) -> item(kindOf(c.source()), c));
	}

	static ItemKind kindOf(CaseSource source) {
		return (source == CaseSource.OFFICIALS_LIST) ? ItemKind.OFFICIAL : ItemKind.VILLAGER;
	}

	/** A case as a villager's problem (or the officials' item it is), for comparing. */
	public static Item caseItem(Case c) {
		return item(kindOf(c.source()), c);
	}

	static Item item(ItemKind kind, Case c) {
		return new Item(new ItemRef(kind, c.id().value()), c.category(), join(c.title(), c.description()), c.title(),
				c.reference(), c.id().value(), c.receivedAt());
	}

	static String join(String head, @Nullable String rest) {
		if (rest == null || rest.isBlank()) {
			return head.strip();
		}
		return head.strip() + "。" + rest.strip();
	}

}
