package org.oneweek.roster.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarFeedTest {

	static final String DESCRIPTION = "工作组：陈国华（组长）13925001013，赵建军 13925002026；孙丽娟 13925003039\n机动书记：周文斌;a,b\\c"
		.repeat(3);

	CalendarFeed feed() {
		return new CalendarFeed("一周书记 · 陈国华", ZoneId.of("Asia/Shanghai")).event("term-1-7@installation", 2,
				Instant.parse("2026-03-01T08:30:00Z"), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8),
				"一周书记：东江村（组长）", DESCRIPTION, "江岸街道东江村");
	}

	@Test
	void theLibraryReadsBackWhatTheFeedWrote() {
		String ics = new String(feed().bytes(), StandardCharsets.UTF_8);
		ICalendar back = Biweekly.parse(ics).first();
		assertThat(back.getProductId().getValue()).isEqualTo("-//oneweek//roster//ZH");
		assertThat(back.getMethod().getValue()).isEqualTo("PUBLISH");
		VEvent event = back.getEvents().get(0);
		assertThat(event.getUid().getValue()).isEqualTo("term-1-7@installation");
		assertThat(event.getSequence().getValue()).isEqualTo(2);
		assertThat(event.getDateTimeStamp().getValue()).isEqualTo(Date.from(Instant.parse("2026-03-01T08:30:00Z")));
		assertThat(event.getDateStart().getValue().hasTime()).isFalse();
		assertThat(event.getDescription().getValue()).isEqualTo(DESCRIPTION);
		assertThat(event.getSummary().getValue()).isEqualTo("一周书记：东江村（组长）");
		assertThat(back.validate(ICalVersion.V2_0).isEmpty()).as(back.validate(ICalVersion.V2_0).toString()).isTrue();
		assertThat(ics).contains("DTSTART;VALUE=DATE:20260302\r\n", "DTEND;VALUE=DATE:20260309\r\n",
				"DTSTAMP:20260301T083000Z\r\n", "X-WR-TIMEZONE:Asia/Shanghai\r\n");
	}

	@Test
	void whatTheSpecificationRequiresIsCheckedByTheLibrary() {
		assertThat(feed().validate().isEmpty()).isTrue();
		// an event without its dates breaks RFC 5545, and the library says so
		CalendarFeed broken = feed();
		ICalendar calendar = Biweekly.parse(new String(broken.bytes(), StandardCharsets.UTF_8)).first();
		calendar.getEvents().get(0).setDateTimeStamp((Date) null);
		calendar.getEvents().get(0).setUid((String) null);
		assertThat(calendar.validate(ICalVersion.V2_0).isEmpty()).isFalse();
	}

	@Test
	void longChineseTextIsFoldedAtSeventyFiveOctetsWithoutSplittingACharacter() {
		String ics = new String(feed().bytes(), StandardCharsets.UTF_8);
		assertThat(ics.split("\r\n")).allSatisfy((line) -> {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
			assertThat(line).doesNotContain("\uFFFD");
		});
		assertThat(ics.split("\r\n").length).isGreaterThan(20);
		assertThat(CalendarFeed.fold("A".repeat(80) + "\r\n"))
			.isEqualTo("A".repeat(75) + "\r\n " + "A".repeat(5) + "\r\n");
		assertThat(CalendarFeed.fold("中".repeat(30) + "\r\n"))
			.isEqualTo("中".repeat(25) + "\r\n " + "中".repeat(5) + "\r\n");
	}

	@Test
	void ifNoneMatchIsComparedAsRfc9110Says() {
		assertThat(MyRosterController.matches("\"abc\"", "\"abc\"")).isTrue();
		assertThat(MyRosterController.matches("W/\"abc\"", "\"abc\"")).isTrue();
		assertThat(MyRosterController.matches("\"x\", \"abc\"", "\"abc\"")).isTrue();
		assertThat(MyRosterController.matches("*", "\"abc\"")).isTrue();
		assertThat(MyRosterController.matches("\"abd\"", "\"abc\"")).isFalse();
		assertThat(MyRosterController.matches(null, "\"abc\"")).isFalse();
	}

}
