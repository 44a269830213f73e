package org.oneweek.diary;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.MemberId;
import org.oneweek.people.Role;
import org.oneweek.places.VillageId;
import org.oneweek.roster.Term;
import org.oneweek.roster.Terms;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the diary asks of a person today, for their home page: the day's diary (and
 * yesterday's, while it can still be written), the evening reminder, the hand-over report
 * at the end of the term, a report waiting for the next lead's acknowledgement, and, for
 * the organization department, last week's compliance.
 */
@Service
public class DiaryHome {

	private final Terms terms;

	private final Diaries diaries;

	private final DiaryReminders reminders;

	private final DiaryCompliance compliance;

	private final HandoverReports reports;

	private final ZoneId zone;

	DiaryHome(Terms terms, Diaries diaries, DiaryReminders reminders, DiaryCompliance compliance,
			HandoverReports reports, TeamDays days) {
		this.terms = terms;
		this.diaries = diaries;
		this.reminders = reminders;
		this.compliance = compliance;
		this.reports = reports;
		this.zone = days.zone();
	}

	/**
	 * The diary's part of a home page.
	 *
	 * @param zone the district's zone, in which times are shown
	 * @param term the member's term today, if any
	 * @param today where today's diary stands
	 * @param reminded whether the evening reminder flagged today's diary as missing
	 * @param yesterday yesterday's date if its diary is still empty but open (same term)
	 * @param missed days of the term whose diary closed unwritten
	 * @param reportDue whether the term ends within two days and is not handed over
	 * @param waiting reports waiting for the member's acknowledgement as the next lead
	 * @param lastWeek last week's compliance across the district (department only)
	 * @param recordsOfVillage the committee's village, whose hand-over reports it keeps
	 */
	public record Card(ZoneId zone, @Nullable Term term, @Nullable DayStatus today, @Nullable Instant savedAt,
			boolean reminded, int reminderHour, @Nullable LocalDate yesterday, int missed, boolean reportDue,
			List<HandoverReports.Waiting> waiting, DiaryCompliance.@Nullable Tally lastWeek,
			@Nullable VillageId recordsOfVillage) {

		public Card {
			waiting = List.copyOf(waiting);
		}

		public boolean isEmpty() {
			return term == null && waiting.isEmpty() && lastWeek == null && recordsOfVillage == null;
		}

	}

	@Transactional(readOnly = true)
	public Card card(AccountPrincipal me, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		DiaryCompliance.Tally lastWeek = me.has(Role.ORG_ADMIN)
				? DiaryCompliance.total(compliance.between(today.minusWeeks(1), today.minusWeeks(1), now)) : null;
		VillageId villageId = me.has(Role.COMMITTEE) ? me.villageId() : null;
		MemberId memberId = me.memberId();
		if (memberId == null || !me.has(Role.SECRETARY)) {
			return new Card(zone, null, null, null, false, reminders.reminderHour(), null, 0, false, List.of(),
					lastWeek, villageId);
		}
		List<HandoverReports.Waiting> waiting = reports.waitingFor(memberId, today);
		Term term = terms.ofMember(memberId, today).orElse(null);
		if (term == null) {
			return new Card(zone, null, null, null, false, reminders.reminderHour(), null, 0, false, waiting, lastWeek,
					villageId);
		}
		DiaryEntry entry = diaries.entry(memberId, today).orElse(null);
		DayStatus status = diaries.status(today, entry != null && entry.written(), now);
		List<LocalDate> pending = reminders.pending(memberId, now);
		LocalDate yesterday = today.minusDays(1);
		boolean yesterdayEmpty = term.covers(yesterday)
				&& diaries.entry(memberId, yesterday).map((e) -> !e.written()).orElse(true);
		int missed = (int) diaries.statuses(term, now)
			.getOrDefault(memberId, java.util.Map.of())
			.values()
			.stream()
			.filter((s) -> s == DayStatus.MISSING)
			.count();
		boolean reportDue = (today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY)
				&& !reports.status(term.id()).handedOver();
		return new Card(zone, term, status, (entry != null && entry.written()) ? entry.updatedAt() : null,
				pending.contains(today), reminders.reminderHour(), yesterdayEmpty ? yesterday : null, missed, reportDue,
				waiting, lastWeek, villageId);
	}

}
