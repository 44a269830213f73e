package org.oneweek.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.oneweek.bulletin.BulletinEvents.FollowUpReceived;
import org.oneweek.casework.Case;
import org.oneweek.casework.CaseEvents.CaseEscalated;
import org.oneweek.casework.CaseEvents.CaseRecorded;
import org.oneweek.casework.CaseEvents.CasesHandedOver;
import org.oneweek.casework.Cases;
import org.oneweek.casework.HandoverId;
import org.oneweek.diary.DiaryEvents.DiaryMissing;
import org.oneweek.diary.DiaryEvents.ReportHandedOver;
import org.oneweek.notify.NoticeKind;
import org.oneweek.notify.Notices;
import org.oneweek.people.Account;
import org.oneweek.people.Accounts;
import org.oneweek.people.MemberId;
import org.oneweek.people.Role;
import org.oneweek.places.Places;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.RosterEvents.MembersNoticed;
import org.oneweek.roster.TermId;
import org.oneweek.roster.Terms;
import org.oneweek.roster.TroubleshooterDuty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns what the modules report into notices, in the transaction of the change (one small
 * insert per recipient), so that a notice exists exactly when its cause does. The
 * arguments are numbers, public titles, places and dates only: a case's reporter and a
 * villager's words and phone never reach a notice.
 */
@Component
class NoticeTriggers {

	private final Notices notices;

	private final Accounts accounts;

	private final Terms terms;

	private final Cases cases;

	private final Places places;

	private final Clock clock;

	NoticeTriggers(Notices notices, Accounts accounts, Terms terms, Cases cases, Places places, Clock clock) {
		this.notices = notices;
		this.accounts = accounts;
		this.terms = terms;
		this.cases = cases;
		this.places = places;
		this.clock = clock;
	}

	/**
	 * An urgent case goes to the street's troubleshooter on duty, and to the department's
	 * group.
	 */
	@EventListener
	void on(CaseRecorded event) {
		if (!event.urgency().goesToTroubleshooter()) {
			return;
		}
		Instant now = clock.instant();
		Case c = cases.byId(event.caseId()).orElse(null);
		String title = (c != null) ? c.publicTitle() : "";
		List<String> args = List.of(event.reference(), title, villageName(event.villageId()));
		LocalDate day = LocalDate.ofInstant(event.receivedAt(), clock.getZone());
		terms.dutyOfTownship(event.townshipId(), day)
			.map(TroubleshooterDuty::memberId)
			.ifPresent((member) -> forMembers(Set.of(member), NoticeKind.URGENT_CASE, args,
					"urgent:" + event.caseId().value(), now));
		notices.notifyGroup(NoticeKind.URGENT_CASE, args, "group:urgent:" + event.caseId().value(), now);
	}

	/**
	 * A passed deadline: level 1 to the troubleshooter on duty in the case's street,
	 * level 2 to the department (its administrators and its group).
	 */
	@EventListener
	void on(CaseEscalated event) {
		Instant now = clock.instant();
		Case c = cases.byReference(event.reference()).orElse(null);
		if (c == null) {
			return;
		}
		List<String> args = List.of(event.reference(), event.deadline(), Integer.toString(event.level()));
		String key = "escalated:" + c.id().value() + ":" + event.deadline() + ":" + event.level();
		if (event.level() <= 1) {
			terms.dutyOfTownship(c.townshipId(), LocalDate.ofInstant(now, clock.getZone()))
				.map(TroubleshooterDuty::memberId)
				.ifPresent((member) -> forMembers(Set.of(member), NoticeKind.ESCALATED, args, key, now));
		}
		else {
			for (Account admin : accounts.all()) {
				if (admin.enabled() && admin.roles().contains(Role.ORG_ADMIN)) {
					notices.notify(admin.id(), NoticeKind.ESCALATED, args, key + ":" + admin.id().value(), now);
				}
			}
		}
		notices.notifyGroup(NoticeKind.ESCALATED, args, "group:" + key, now);
	}

	/** The evening reminder of a diary still empty. */
	@EventListener
	void on(DiaryMissing event) {
		forMembers(Set.of(event.memberId()), NoticeKind.DIARY_MISSING, List.of(event.day().toString()),
				"diary:" + event.memberId().value() + ":" + event.day(), clock.instant());
	}

	/** The roster published, or changed after publication. */
	@EventListener
	void on(MembersNoticed event) {
		boolean published = "PUBLISHED".equals(event.kind());
		NoticeKind kind = published ? NoticeKind.ROSTER_PUBLISHED : NoticeKind.ROSTER_CHANGED;
		List<String> args = List.of(Weeks.label(event.weekStart()));
		Instant now = clock.instant();
		// a change has no key of its own: each one is a notice
		forMembers(event.members(), kind, args, null, now);
		if (published) {
			notices.notifyGroup(kind, args, "group:published:" + event.weekStart(), now);
		}
	}

	/**
	 * A villager's follow-up, for the village committee (without the villager's words or
	 * phone).
	 */
	@EventListener
	void on(FollowUpReceived event) {
		Instant now = clock.instant();
		for (Account account : accounts.all()) {
			if (account.enabled() && account.roles().contains(Role.COMMITTEE)
					&& event.villageId().equals(account.villageId())) {
				notices.notify(account.id(), NoticeKind.FOLLOW_UP, List.of(event.reference()),
						"follow-up:" + event.followUpId().value() + ":" + account.id().value(), now);
			}
		}
	}

	/** Cases handed over to the next term's team, to acknowledge. */
	@EventListener
	void on(CasesHandedOver event) {
		handedOver(event.handoverId(), event.villageId(), event.toTermId(), event.caseIds().size());
	}

	/** The same, handed over from the diary's report. */
	@EventListener
	void on(ReportHandedOver event) {
		handedOver(event.handoverId(), event.villageId(), event.toTermId(), event.cases());
	}

	private void handedOver(HandoverId handover, VillageId village, TermId to, int cases) {
		if (cases == 0) {
			return;
		}
		terms.byId(to)
			.ifPresent((term) -> forMembers(term.memberIds(), NoticeKind.HANDOVER_WAITING,
					List.of(Integer.toString(cases), villageName(village)), "handover:" + handover.value(),
					clock.instant()));
	}

	private void forMembers(Collection<MemberId> members, NoticeKind kind, List<String> args, @Nullable String key,
			Instant now) {
		for (Account account : accounts.all()) {
			if (account.enabled() && account.memberId() != null && members.contains(account.memberId())) {
				notices.notify(account.id(), kind, args, (key != null) ? key + ":" + account.id().value() : null, now);
			}
		}
	}

	private String villageName(VillageId id) {
		return places.village(id).map(Village::name).orElse("");
	}

}
