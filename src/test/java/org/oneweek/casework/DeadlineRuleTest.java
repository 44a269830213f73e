package org.oneweek.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.oneweek.casework.DeadlineRule.Span;
import org.oneweek.casework.DeadlineRule.Unit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines over weekends and holidays: 2026-03-06 is a Friday.
 */
class DeadlineRuleTest {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final Predicate<LocalDate> WEEKDAYS = DeadlineRule::ordinaryWorkingDay;

	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
	}

	@Test
	void threeWorkingDaysFromFridaySkipTheWeekend() {
		Instant due = new Span(3, Unit.WORKING_DAYS).dueFrom(at("2026-03-06T16:00"), ZONE, WEEKDAYS);
		assertThat(due).isEqualTo(at("2026-03-11T23:59:59"));
	}

	@Test
	void aCaseHeardOnSaturdayCountsFromMonday() {
		Instant due = new Span(1, Unit.WORKING_DAYS).dueFrom(at("2026-03-07T10:00"), ZONE, WEEKDAYS);
		assertThat(due).isEqualTo(at("2026-03-09T23:59:59"));
	}

	@Test
	void thirteenWorkingDaysAreTwoWeeksAndThreeDays() {
		Instant due = new Span(13, Unit.WORKING_DAYS).dueFrom(at("2026-03-02T08:30"), ZONE, WEEKDAYS);
		assertThat(due).isEqualTo(at("2026-03-19T23:59:59"));
	}

	@Test
	void holidaysAreSkippedAndWorkedWeekendDaysCount() {
		Set<LocalDate> holidays = Set.of(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-10"));
		Set<LocalDate> workedSaturdays = Set.of(LocalDate.parse("2026-03-07"));
		Predicate<LocalDate> calendar = (day) -> !holidays.contains(day)
				&& (workedSaturdays.contains(day) || DeadlineRule.ordinaryWorkingDay(day));
		Instant due = new Span(3, Unit.WORKING_DAYS).dueFrom(at("2026-03-06T16:00"), ZONE, calendar);
		// Saturday 7th (worked), Wednesday 11th, Thursday 12th
		assertThat(due).isEqualTo(at("2026-03-12T23:59:59"));
	}

	@Test
	void urgentIsTwentyFourHoursEvenOverAWeekend() {
		Instant due = new Span(24, Unit.HOURS).dueFrom(at("2026-03-07T22:00"), ZONE, WEEKDAYS);
		assertThat(due).isEqualTo(at("2026-03-08T22:00"));
	}

	@Test
	void anEmergencyIsDueTheSameDay() {
		Instant due = new Span(0, Unit.SAME_DAY).dueFrom(at("2026-03-08T21:15"), ZONE, WEEKDAYS);
		assertThat(due).isEqualTo(at("2026-03-08T23:59:59"));
	}

}
