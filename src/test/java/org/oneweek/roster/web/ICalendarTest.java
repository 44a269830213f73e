package org.oneweek.roster.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ICalendarTest {

	@Test
	void longChineseTextIsFoldedWithoutSplittingACharacter() {
		String description = "工作组：陈国华（组长）13925001013，赵建军 13925002026；孙丽娟 13925003039\n机动书记：周文斌".repeat(3);
		String ics = new ICalendar("一周书记 · 陈国华", Instant.parse("2026-03-01T00:00:00Z"))
			.event("term-1@oneweek", 0, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), "一周书记：东江村（组长）", description,
					"江岸街道东江村")
			.end();
		assertThat(ics.split("\r\n")).allSatisfy((line) -> {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
			assertThat(line).doesNotContain("\uFFFD");
		});
		String unfolded = ics.replace("\r\n ", "");
		assertThat(unfolded).contains("DTSTART;VALUE=DATE:20260302")
			.contains("DTEND;VALUE=DATE:20260309")
			.contains("DESCRIPTION:" + ICalendar.escape(description))
			.contains("SUMMARY:一周书记：东江村（组长）");
	}

	@Test
	void textIsEscaped() {
		assertThat(ICalendar.escape("a,b;c\\d\ne")).isEqualTo("a\\,b\\;c\\\\d\\ne");
	}

}
