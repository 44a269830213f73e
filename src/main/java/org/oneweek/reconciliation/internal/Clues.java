package org.oneweek.reconciliation.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a clerk looks for besides the meaning: numbered places (三组, 5栋, 2号楼) and
 * quantities (800米, 12盏). Numerals are read as numbers, so 三组 and 3组 are one place.
 */
final class Clues {

	private static final String NUMERAL = "([0-9０-９]+(?:\\.[0-9]+)?|[零一二三四五六七八九十百千两]+)";

	private static final Pattern PLACE = Pattern.compile(NUMERAL + "\\s*(号楼|单元|组|队|社|栋|幢|巷|弄)");

	private static final Pattern QUANTITY = Pattern
		.compile(NUMERAL + "\\s*(公里|千米|米|盏|处|户|人|万元|元|车|天|个月|座|棵|根|块|吨|亩|次|辆|家|间|条|年)");

	/** Places by their kind (组, 栋, ...), each as "3组". */
	final Map<String, Set<String>> places;

	final Set<String> quantities;

	private Clues(Map<String, Set<String>> places, Set<String> quantities) {
		this.places = places;
		this.quantities = quantities;
	}

	static Clues of(String text) {
		Map<String, Set<String>> places = new LinkedHashMap<>();
		Matcher place = PLACE.matcher(text);
		StringBuilder rest = new StringBuilder();
		int last = 0;
		while (place.find()) {
			String unit = place.group(2);
			places.computeIfAbsent(unit, (u) -> new LinkedHashSet<>()).add(number(place.group(1)) + unit);
			rest.append(text, last, place.start()).append(' ');
			last = place.end();
		}
		rest.append(text.substring(last));
		Set<String> quantities = new LinkedHashSet<>();
		Matcher quantity = QUANTITY.matcher(rest);
		while (quantity.find()) {
			quantities.add(number(quantity.group(1)) + quantity.group(2));
		}
		return new Clues(places, quantities);
	}

	/** 三 → 3, 十二 → 12, 两百 → 200, 12 → 12; what cannot be read stays as written. */
	static String number(String numeral) {
		StringBuilder ascii = new StringBuilder();
		boolean digits = true;
		for (char c : numeral.toCharArray()) {
			if (c >= '０' && c <= '９') {
				ascii.append((char) ('0' + (c - '０')));
			}
			else if ((c >= '0' && c <= '9') || c == '.') {
				ascii.append(c);
			}
			else {
				digits = false;
			}
		}
		if (digits) {
			return ascii.toString().replaceFirst("^0+(?=\\d)", "");
		}
		long total = 0;
		long section = 0;
		long digit = -1;
		for (char c : numeral.toCharArray()) {
			int value = "零一二三四五六七八九".indexOf(c);
			if (c == '两') {
				value = 2;
			}
			if (value >= 0) {
				digit = value;
				continue;
			}
			long unit = switch (c) {
				case '十' -> 10;
				case '百' -> 100;
				case '千' -> 1000;
				default -> 0;
			};
			if (unit == 0) {
				return numeral;
			}
			section += ((digit < 0) ? 1 : digit) * unit;
			digit = -1;
		}
		total += section + Math.max(digit, 0);
		return String.valueOf(total);
	}

}
