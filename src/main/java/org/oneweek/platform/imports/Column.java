package org.oneweek.platform.imports;

import java.util.List;
import java.util.Locale;

/**
 * A column an import understands: its key, whether it must be present, and the headings
 * people write for it in Chinese and English.
 */
public record Column(String key, boolean required, List<String> headings) {

	public Column {
		if (headings.isEmpty()) {
			throw new IllegalArgumentException("a column needs at least one heading");
		}
		headings = List.copyOf(headings);
	}

	public static Column required(String key, String... headings) {
		return new Column(key, true, List.of(headings));
	}

	public static Column optional(String key, String... headings) {
		return new Column(key, false, List.of(headings));
	}

	/**
	 * The heading to show in the page's language: for English the first heading written
	 * in Latin letters (every column has one), else the first.
	 */
	public String heading(Locale locale) {
		if ("en".equals(locale.getLanguage())) {
			for (String heading : headings) {
				if (heading.chars().allMatch((c) -> c < 0x80)) {
					return heading;
				}
			}
		}
		return headings.get(0);
	}

	boolean matches(String heading) {
		String normalized = normalize(heading);
		return headings.stream().anyMatch((h) -> normalize(h).equals(normalized));
	}

	static String normalize(String heading) {
		return heading.replace("\uFEFF", "").replaceAll("[\\s*＊:：()（）]", "").toLowerCase(Locale.ROOT);
	}

}
