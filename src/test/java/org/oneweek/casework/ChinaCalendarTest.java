package org.oneweek.casework;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.internal.HolidayImport;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deadlines across the State Council's 2025 and 2026 holidays and make-up working days
 * (国办发明电〔2024〕12号, 〔2025〕7号), shipped with the application; later years imported in
 * holiday-cn's JSON; the December warning. A help request (HELP, NORMAL) is first
 * contacted within 1 working day and resolved within 3.
 */
@OneweekTest
class ChinaCalendarTest {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	Deadlines deadlines;

	@Autowired
	HolidayImport holidays;

	/** The two deadlines' days of a help request received at {@code received}. */
	LocalDate[] due(String received) {
		Deadlines.Due due = deadlines.due(CaseType.HELP, Urgency.NORMAL,
				LocalDateTime.parse(received).atZone(ZONE).toInstant());
		return new LocalDate[] { LocalDate.ofInstant(due.firstContact(), ZONE),
				LocalDate.ofInstant(due.resolution(), ZONE) };
	}

	@Test
	void theEveOfNationalDay2025CountsTheSaturdayWorkedAfterIt() {
		// 30 September 2025, 17:00: 1–8 October off, Saturday 11 October worked (调休)
		assertThat(due("2025-09-30T17:00")).containsExactly(LocalDate.of(2025, 10, 9), LocalDate.of(2025, 10, 11));
		// Sunday 28 September 2025 was worked: a case of Saturday the 27th is due on it
		assertThat(due("2025-09-27T10:00")[0]).isEqualTo(LocalDate.of(2025, 9, 28));
	}

	@Test
	void theEveOfNationalDay2026() {
		// 1–7 October 2026 off, Saturday 10 October worked
		assertThat(due("2026-09-30T16:00")).containsExactly(LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 10));
		// the Mid-Autumn Festival, 25–27 September 2026, and Sunday 20 September worked
		assertThat(due("2026-09-24T09:00")).containsExactly(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 9, 30));
		assertThat(due("2026-09-19T09:00")[0]).isEqualTo(LocalDate.of(2026, 9, 20));
	}

	@Test
	void theSpringFestivals() {
		// 2025: Sunday 26 January worked, 28 January – 4 February off
		assertThat(due("2025-01-24T15:00")).containsExactly(LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 5));
		// 2026: Saturday 14 February worked, 15–23 February off, Saturday 28 February
		// worked
		assertThat(due("2026-02-13T15:00")).containsExactly(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 25));
		assertThat(due("2026-02-26T09:00")).containsExactly(LocalDate.of(2026, 2, 27), LocalDate.of(2026, 3, 2));
	}

	@Test
	void newYearLabourDayAndDragonBoat() {
		// 2026: 1–3 January off, Sunday 4 January worked
		assertThat(due("2025-12-31T18:00")).containsExactly(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 1, 6));
		// 2025: Sunday 27 April worked, 1–5 May off
		assertThat(due("2025-04-30T09:00")).containsExactly(LocalDate.of(2025, 5, 6), LocalDate.of(2025, 5, 8));
		// 2026: 1–5 May off, Saturday 9 May worked
		assertThat(due("2026-04-30T09:00")).containsExactly(LocalDate.of(2026, 5, 6), LocalDate.of(2026, 5, 8));
		assertThat(due("2026-05-08T09:00")[0]).isEqualTo(LocalDate.of(2026, 5, 9));
		// 2026: 19–21 June off (Friday to Sunday)
		assertThat(due("2026-06-18T09:00")).containsExactly(LocalDate.of(2026, 6, 22), LocalDate.of(2026, 6, 24));
	}

	@Test
	void laterYearsAreImportedAndDecemberWarnsWhileTheNextIsMissing() {
		assertThat(deadlines.yearsCovered()).contains(2025, 2026);
		assertThat(deadlines.missingNextYear(LocalDate.of(2028, 12, 3))).isEqualTo(Optional.of(2029));
		assertThat(deadlines.missingNextYear(LocalDate.of(2028, 11, 30))).isEmpty();
		assertThat(deadlines.missingNextYear(LocalDate.of(2025, 12, 3))).isEmpty();

		// holiday-cn's format (test days, not a published schedule)
		String json = """
				{"$schema":"https://example.invalid/schema.json","year":2029,"papers":["测试通知"],
				 "days":[{"name":"元旦","date":"2029-01-01","isOffDay":true},
				         {"name":"测试调休","date":"2029-01-06","isOffDay":false}]}""";
		assertThat(holidays.apply("2029.json", json.getBytes(StandardCharsets.UTF_8), "test")).isEqualTo(2);
		assertThat(deadlines.missingNextYear(LocalDate.of(2028, 12, 3))).isEmpty();
		assertThat(deadlines.exceptionsFrom(LocalDate.of(2029, 1, 1))).containsEntry(LocalDate.of(2029, 1, 1), false)
			.containsEntry(LocalDate.of(2029, 1, 6), true);

		String csv = "日期,类型,名称\n2029-02-12,放假,测试\n2029-02-17,上班,测试调休\n";
		assertThat(holidays.apply("2029.csv", csv.getBytes(StandardCharsets.UTF_8), "test")).isEqualTo(2);
		assertThat(deadlines.exceptionsFrom(LocalDate.of(2029, 2, 1))).containsEntry(LocalDate.of(2029, 2, 17), true);

		String bad = "日期,类型\n2029-03-01,放假\n2029-13-01,放假\n";
		assertThatThrownBy(() -> holidays.apply("bad.csv", bad.getBytes(StandardCharsets.UTF_8), "test"))
			.isInstanceOf(CaseRuleException.class);
		assertThat(deadlines.exceptionsFrom(LocalDate.of(2029, 3, 1))).doesNotContainKey(LocalDate.of(2029, 3, 1));
	}

}
