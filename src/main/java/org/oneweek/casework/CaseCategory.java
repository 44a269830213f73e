package org.oneweek.casework;

import java.util.Locale;

/**
 * A category of problems, editable by the organization department.
 */
public record CaseCategory(String code, String nameZh, String nameEn, int position, boolean active) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}

}
