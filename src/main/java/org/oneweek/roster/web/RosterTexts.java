package org.oneweek.roster.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.oneweek.people.Member;
import org.oneweek.people.Members;
import org.oneweek.places.Places;
import org.oneweek.places.Township;
import org.oneweek.places.Village;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.internal.PlanReview;
import org.oneweek.roster.planning.Finding;
import org.oneweek.roster.planning.Place;
import org.oneweek.roster.planning.RosterConstraints;
import org.oneweek.roster.planning.WeekIndex;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts the planner's findings into words a person at the organization department reads:
 * names of members and places, ISO weeks, what rule and why.
 */
@Component
class RosterTexts {

	/** A rule of the roster with its findings as sentences. */
	record RuleView(String rule, String name, String explanation, boolean hard, long score, int count,
			List<String> findings, int unlisted) {

		public boolean broken() {
			return count > 0;
		}

	}

	private final MessageSource messages;

	private final Members members;

	private final Places places;

	RosterTexts(MessageSource messages, Members members, Places places) {
		this.messages = messages;
		this.members = members;
		this.places = places;
	}

	List<RuleView> rules(PlanReview.Review review, Locale locale) {
		Names names = names();
		return review.rules()
			.stream()
			.map((rule) -> new RuleView(rule.rule(), ruleName(rule.rule(), locale),
					messages.getMessage("roster.rule." + rule.rule() + ".explain", null, locale), rule.hard(),
					rule.score(), rule.count(),
					rule.findings().stream().map((f) -> finding(rule.rule(), f, names, locale)).toList(),
					rule.unlisted()))
			.toList();
	}

	String ruleName(String rule, Locale locale) {
		return messages.getMessage("roster.rule." + rule, null, locale);
	}

	/** The names of the hard rules the review finds broken, joined for a message. */
	String brokenHardRules(PlanReview.Review review, Locale locale) {
		return review.brokenHardRules()
			.stream()
			.map((rule) -> ruleName(rule.rule(), locale) + " (" + rule.count() + ")")
			.collect(Collectors.joining(separator(locale)));
	}

	private String finding(String rule, Finding finding, Names names, Locale locale) {
		String sep = separator(locale);
		String people = finding.memberIds()
			.stream()
			.map((id) -> names.members.containsKey(id) ? names.members.get(id).name() : "#" + id)
			.collect(Collectors.joining(sep));
		String where = finding.places()
			.stream()
			.map((p) -> place(p, names, locale))
			.distinct()
			.collect(Collectors.joining(sep));
		String weeks;
		if (RosterConstraints.MAX_PER_QUARTER.equals(rule)) {
			weeks = finding.weeks().stream().map(WeekIndex::quarterLabel).collect(Collectors.joining(sep));
		}
		else {
			weeks = finding.weeks()
				.stream()
				.map((w) -> Weeks.label(WeekIndex.monday(w)))
				.distinct()
				.collect(Collectors.joining(sep));
		}
		String number = RosterConstraints.BALANCED_LOAD.equals(rule)
				? BigDecimal.valueOf(finding.number(), 2).toPlainString() : String.valueOf(finding.number());
		String key = "roster.why." + rule;
		if (RosterConstraints.UNAVAILABLE.equals(rule) && finding.number() == 0) {
			key = "roster.why.unavailable.inactive";
		}
		return messages.getMessage(key, new Object[] { people, where, weeks, number }, locale);
	}

	private String place(Place place, Names names, Locale locale) {
		if (place.township()) {
			Township township = names.townships.get(place.id());
			return messages.getMessage("roster.place.troubleshooter",
					new Object[] { (township != null) ? township.name() : "#" + place.id() }, locale);
		}
		Village village = names.villages.get(place.id());
		return (village != null) ? village.name() : "#" + place.id();
	}

	private static String separator(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? "、" : ", ";
	}

	private Names names() {
		return new Names(members.all().stream().collect(Collectors.toMap((m) -> m.id().value(), Function.identity())),
				places.villages().stream().collect(Collectors.toMap((v) -> v.id().value(), Function.identity())),
				places.townships().stream().collect(Collectors.toMap((t) -> t.id().value(), Function.identity())));
	}

	private record Names(Map<Long, Member> members, Map<Long, Village> villages, Map<Long, Township> townships) {

	}

}
