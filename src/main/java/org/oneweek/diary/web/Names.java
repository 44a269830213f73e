package org.oneweek.diary.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oneweek.diary.DiaryNotFoundException;
import org.oneweek.people.Member;
import org.oneweek.people.MemberId;
import org.oneweek.people.Members;
import org.oneweek.places.Places;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.roster.Term;
import org.springframework.stereotype.Component;

/**
 * Names for the pages: members by id, a term's team (lead first), its village.
 */
@Component
class Names {

	private final Members members;

	private final Places places;

	Names(Members members, Places places) {
		this.members = members;
		this.places = places;
	}

	Map<MemberId, String> of(Collection<MemberId> memberIds) {
		Map<MemberId, String> names = new LinkedHashMap<>();
		members.members(List.copyOf(memberIds)).forEach((m) -> names.put(m.id(), m.name()));
		return names;
	}

	/** The team in the roster's order (lead first), with names. */
	List<Member> team(Term term) {
		Map<MemberId, Member> byId = new LinkedHashMap<>();
		members.members(term.memberIds()).forEach((m) -> byId.put(m.id(), m));
		return term.memberIds().stream().map(byId::get).filter((m) -> m != null).toList();
	}

	String teamNames(Term term) {
		return String.join("、", team(term).stream().map(Member::name).toList());
	}

	Village village(VillageId villageId) {
		return places.village(villageId).orElseThrow(() -> new DiaryNotFoundException("village " + villageId));
	}

	/** The villages in use, street by street. */
	List<Village> villages() {
		return places.villages().stream().filter(Village::active).toList();
	}

	String villageName(VillageId villageId) {
		return places.village(villageId).map(Village::name).orElse("");
	}

}
