package org.oneweek.casework;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;

/**
 * How long a case of one type and urgency may take: to the first contact with the
 * villager, and to its resolution.
 */
public record DeadlineRule(CaseType type, Urgency urgency, Span firstContact, Span resolution) {

	/** An amount of hours or working days, or the end of the same day. */
	public record Span(int amount, Unit unit) {

		public Span {
			if (amount < 0 || amount > 1000) {
				throw new IllegalArgumentException("amount out of range");
			}
		}

		/**
		 * When a deadline counted from {@code start} falls. Working days are counted from
		 * the day after the start, and the deadline is the end of the last one: a case
		 * received on Friday with 3 working days is due on Wednesday evening.
		 */
		public Instant dueFrom(Instant start, ZoneId zone, Predicate<LocalDate> workingDay) {
			return switch (unit) {
				case HOURS -> start.plus(amount, ChronoUnit.HOURS);
				case SAME_DAY -> endOf(LocalDate.ofInstant(start, zone), zone);
				case WORKING_DAYS -> {
					LocalDate day = LocalDate.ofInstant(start, zone);
					int counted = 0;
					while (counted < amount) {
						day = day.plusDays(1);
						if (workingDay.test(day)) {
							counted++;
						}
					}
					yield endOf(day, zone);
				}
			};
		}

		private static Instant endOf(LocalDate day, ZoneId zone) {
			return day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
		}

	}

	public enum Unit {

		HOURS, WORKING_DAYS, SAME_DAY

	}

	/** Monday to Friday, unless a holiday or a worked weekend day says otherwise. */
	public static boolean ordinaryWorkingDay(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

}
