package org.oneweek.places;

import static org.oneweek.places.PlaceRules.CHECK;

/**
 * Creates a district. Refused ({@link PlaceRuleException}) when a value is missing, too
 * long or of the wrong form.
 *
 * @param casePrefix the prefix of its case numbers (QX for QX-2026-00123)
 */
public record CreateDistrict(String code, String name, String casePrefix) {

	public CreateDistrict {
		PlaceRules.code(code);
		CHECK.text(name, 60);
		CHECK.matching(CHECK.filled(casePrefix), PlaceRules.CASE_PREFIX_PATTERN, "places.casePrefix.pattern");
	}

}
