package org.oneweek.diary.web;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every diary page needs: the district's time zone, in which times are shown.
 */
@ControllerAdvice(basePackageClasses = DiaryModel.class)
class DiaryModel {

	private final ZoneId zone;

	DiaryModel(Clock clock) {
		this.zone = clock.getZone();
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return zone;
	}

}
