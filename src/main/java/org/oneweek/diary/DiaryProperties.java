package org.oneweek.diary;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the diary.
 *
 * @param reminderHour the evening hour (0-23, district time) at which a secretary whose
 * diary of the day is still empty gets a notice
 * @param expectedDays the days of a term on which a diary is required and counted for
 * compliance; on the other days of the term one may be written all the same
 */
@ConfigurationProperties("oneweek.diary")
public record DiaryProperties(@DefaultValue("20") int reminderHour, @DefaultValue( {
		"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" }) Set<DayOfWeek> expectedDays){

	public DiaryProperties {
		if (reminderHour < 0 || reminderHour > 23) {
			throw new IllegalArgumentException("oneweek.diary.reminder-hour must be 0 to 23");
		}
		expectedDays = Collections
			.unmodifiableSet(expectedDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(expectedDays));
	}

	public boolean expected(DayOfWeek day) {
		return expectedDays.contains(day);
	}

}
