package org.oneweek.casework.web;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every ledger page needs: the district's time zone, in which times are shown.
 */
@ControllerAdvice(basePackageClasses = CaseModel.class)
class CaseModel {

	private final ZoneId zone;

	CaseModel(Clock clock) {
		this.zone = clock.getZone();
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return zone;
	}

}
