package org.oneweek.roster.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Member;
import org.oneweek.people.MemberId;
import org.oneweek.people.Members;
import org.oneweek.places.Places;
import org.oneweek.places.Township;
import org.oneweek.places.TownshipId;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Digests;
import org.oneweek.platform.Installation;
import org.oneweek.platform.web.PublicAddress;
import org.oneweek.roster.RosterNotices;
import org.oneweek.roster.Term;
import org.oneweek.roster.Terms;
import org.oneweek.roster.TroubleshooterDuty;
import org.oneweek.roster.internal.Calendars;
import org.oneweek.roster.internal.Preferences;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's own roster: next terms and duties with the team and the village, the weeks
 * they would like, notices of changes, and a calendar feed to subscribe to on a phone.
 */
@Controller
class MyRosterController {

	/** A term or duty as the member sees it. */
	record Duty(String key, boolean troubleshooter, LocalDate weekStart, String week, @Nullable Village village,
			Township township, List<Member> team, @Nullable MemberId leadId, @Nullable Member troubleshooterMember,
			List<Village> area) {

		public LocalDate weekEnd() {
			return weekStart.plusDays(6);
		}

	}

	private static final int PAST_SHOWN = 8;

	private static final String CACHE = "private, max-age=300";

	private final Terms terms;

	private final Places places;

	private final Members members;

	private final RosterNotices notices;

	private final Preferences preferences;

	private final Calendars calendars;

	private final MessageSource messages;

	private final Clock clock;

	private final PublicAddress address;

	private final Installation installation;

	MyRosterController(Terms terms, Places places, Members members, RosterNotices notices, Preferences preferences,
			Calendars calendars, MessageSource messages, Clock clock, PublicAddress address,
			Installation installation) {
		this.address = address;
		this.installation = installation;
		this.terms = terms;
		this.places = places;
		this.members = members;
		this.notices = notices;
		this.preferences = preferences;
		this.calendars = calendars;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/my/roster")
	String show(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		MemberId memberId = me.memberId();
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("today", today);
		if (memberId == null) {
			return "roster/showMyRoster";
		}
		Names names = names();
		model.addAttribute("member", names.members.get(memberId));
		List<Duty> upcoming = new ArrayList<>();
		terms.upcomingOfMember(memberId, today).forEach((t) -> upcoming.add(duty(t, names)));
		terms.upcomingDutiesOf(memberId, today).forEach((d) -> upcoming.add(duty(d, names)));
		upcoming.sort(Comparator.comparing(Duty::weekStart));
		List<Duty> past = new ArrayList<>();
		terms.allOfMember(memberId)
			.stream()
			.filter((t) -> t.weekEnd().isBefore(today))
			.limit(PAST_SHOWN)
			.forEach((t) -> past.add(duty(t, names)));
		terms.allDutiesOf(memberId)
			.stream()
			.filter((d) -> d.weekStart().plusDays(6).isBefore(today))
			.limit(PAST_SHOWN)
			.forEach((d) -> past.add(duty(d, names)));
		past.sort(Comparator.comparing(Duty::weekStart).reversed());
		model.addAttribute("upcoming", upcoming);
		model.addAttribute("past", past.stream().limit(PAST_SHOWN).toList());
		model.addAttribute("notices", notices.open(memberId));
		model.addAttribute("preferences", preferences.upcoming(memberId.value(), today));
		model.addAttribute("calendar", calendars.has(memberId.value()));
		return "roster/showMyRoster";
	}

	@PostMapping("/my/roster/preferences")
	String addPreference(@AuthenticationPrincipal AccountPrincipal me,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate week,
			RedirectAttributes redirect) {
		long memberId = member(me).value();
		if (week == null || !preferences.add(memberId, week, LocalDate.now(clock))) {
			redirect.addFlashAttribute("errorKey", "roster.preferences.invalid");
		}
		else {
			redirect.addFlashAttribute("messageKey", "common.saved");
		}
		return "redirect:/my/roster";
	}

	@PostMapping("/my/roster/preferences/remove")
	String removePreference(@AuthenticationPrincipal AccountPrincipal me,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate week,
			RedirectAttributes redirect) {
		long memberId = member(me).value();
		if (week != null) {
			preferences.remove(memberId, week);
			redirect.addFlashAttribute("messageKey", "common.removed");
		}
		return "redirect:/my/roster";
	}

	@PostMapping("/my/roster/calendar")
	String newCalendar(@AuthenticationPrincipal AccountPrincipal me, HttpServletRequest request,
			RedirectAttributes redirect) {
		String token = calendars.issue(member(me).value());
		// the address a phone will call, from configuration, never from the Host header
		String url = address.baseUrl(request) + "/calendar/" + token + ".ics";
		redirect.addFlashAttribute("calendarUrl", url);
		redirect.addFlashAttribute("webcalUrl", url.replaceFirst("^https?://", "webcal://"));
		redirect.addFlashAttribute("messageKey", "roster.calendar.created");
		return "redirect:/my/roster";
	}

	@PostMapping("/my/roster/calendar/revoke")
	String revokeCalendar(@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		calendars.revoke(member(me).value());
		redirect.addFlashAttribute("messageKey", "roster.calendar.revoked");
		return "redirect:/my/roster";
	}

	@PostMapping("/my/roster/notices/{id}/dismiss")
	String dismiss(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id,
			@RequestParam(required = false) @Nullable String back) {
		notices.dismiss(member(me), id);
		return "redirect:" + ("home".equals(back) ? "/" : "/my/roster");
	}

	@PostMapping("/my/roster/notices/dismiss")
	String dismissAll(@AuthenticationPrincipal AccountPrincipal me,
			@RequestParam(required = false) @Nullable String back) {
		notices.dismissAll(member(me));
		return "redirect:" + ("home".equals(back) ? "/" : "/my/roster");
	}

	/**
	 * The feed a phone's calendar subscribes to; the secret in the address is the key.
	 * Each event's UID names the term (or duty), the member and this installation, so it
	 * is the same in every answer and after every restart; its SEQUENCE counts the
	 * changes since publication. The answer carries an ETag of its bytes: a client that
	 * sends it back in If-None-Match is answered 304 while nothing changed.
	 */
	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<byte[]> feed(@PathVariable String token, Locale locale,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		Optional<Long> owner = calendars.memberOf(token);
		if (owner.isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		MemberId memberId = MemberId.of(owner.get());
		Names names = names();
		Member member = names.members.get(memberId);
		LocalDate from = LocalDate.now(clock).minusWeeks(26);
		CalendarFeed calendar = new CalendarFeed(messages.getMessage("roster.calendar.name",
				new Object[] { (member != null) ? member.name() : "" }, locale), clock.getZone());
		String at = "-" + memberId.value() + "@" + installation.id();
		for (Term term : terms.allOfMember(memberId)) {
			if (term.weekStart().isBefore(from)) {
				continue;
			}
			Duty duty = duty(term, names);
			String village = (duty.village() != null) ? duty.village().name() : "";
			String role = memberId.equals(duty.leadId()) ? messages.getMessage("roster.calendar.lead", null, locale)
					: "";
			String team = duty.team()
				.stream()
				.map((m) -> m.name() + (m.id().equals(duty.leadId())
						? "(" + messages.getMessage("home.lead", null, locale) + ")" : "") + " " + m.phone())
				.collect(Collectors.joining("\n"));
			StringBuilder description = new StringBuilder(
					messages.getMessage("roster.calendar.team", new Object[] { team }, locale));
			if (duty.troubleshooterMember() != null) {
				description.append("\n")
					.append(messages.getMessage("roster.calendar.troubleshooter",
							new Object[] { duty.troubleshooterMember().name(), duty.troubleshooterMember().phone() },
							locale));
			}
			if (duty.village() != null && duty.village().committeeContact() != null) {
				description.append("\n")
					.append(messages.getMessage("roster.calendar.committee",
							new Object[] { duty.village().committeeContact(),
									Optional.ofNullable(duty.village().committeePhone()).orElse("") },
							locale));
			}
			Calendars.Revision revision = calendars.revision(false, term.id().value());
			calendar.event("term-" + term.id() + at, revision.sequence(), revision.changed(), term.weekStart(),
					term.weekEnd(),
					messages.getMessage("roster.calendar.termSummary", new Object[] { village, role }, locale),
					description.toString(), (duty.village() != null && duty.village().address() != null)
							? duty.village().address() : duty.township().name() + village);
		}
		for (TroubleshooterDuty troubleshooter : terms.allDutiesOf(memberId)) {
			if (troubleshooter.weekStart().isBefore(from)) {
				continue;
			}
			Duty duty = duty(troubleshooter, names);
			String area = duty.area().stream().map(Village::name).collect(Collectors.joining("、"));
			Calendars.Revision revision = calendars.revision(true, troubleshooter.id());
			calendar.event("duty-" + troubleshooter.id() + at, revision.sequence(), revision.changed(),
					troubleshooter.weekStart(), troubleshooter.weekStart().plusDays(6),
					messages.getMessage("roster.calendar.dutySummary", new Object[] { duty.township().name() }, locale),
					messages.getMessage("roster.calendar.dutyDescription", new Object[] { area }, locale),
					duty.township().name());
		}
		byte[] body = calendar.bytes();
		String etag = "\"" + Digests.sha256Hex(body).substring(0, 32) + "\"";
		if (matches(ifNoneMatch, etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).header("Cache-Control", CACHE).build();
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
			.eTag(etag)
			.header("Cache-Control", CACHE)
			.body(body);
	}

	/** Whether If-None-Match names the ETag (RFC 9110 §13.1.2: weak comparison). */
	static boolean matches(@Nullable String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		for (String tag : ifNoneMatch.split(",")) {
			String t = tag.strip();
			if (t.equals("*") || t.replaceFirst("^W/", "").equals(etag)) {
				return true;
			}
		}
		return false;
	}

	private Duty duty(Term term, Names names) {
		Village village = names.villages.get(term.villageId());
		Township township = names.townships.get(village.townshipId());
		List<Member> team = term.memberIds().stream().map(names.members::get).toList();
		Member troubleshooter = terms.dutyOfTownship(township.id(), term.weekStart())
			.map((d) -> names.members.get(d.memberId()))
			.orElse(null);
		return new Duty("t" + term.id(), false, term.weekStart(), term.week(), village, township, team, term.leadId(),
				troubleshooter, List.of());
	}

	private Duty duty(TroubleshooterDuty duty, Names names) {
		Township township = names.townships.get(duty.townshipId());
		List<Village> area = names.villages.values()
			.stream()
			.filter((v) -> v.townshipId().equals(township.id()) && v.active())
			.sorted(Comparator.comparing(Village::code))
			.toList();
		return new Duty("d" + duty.id(), true, duty.weekStart(), org.oneweek.platform.Weeks.label(duty.weekStart()),
				null, township, List.of(), null, names.members.get(duty.memberId()), area);
	}

	private static MemberId member(AccountPrincipal me) {
		MemberId memberId = me.memberId();
		if (memberId == null) {
			throw new org.springframework.security.access.AccessDeniedException("no member");
		}
		return memberId;
	}

	private Names names() {
		return new Names(members.all().stream().collect(Collectors.toMap(Member::id, Function.identity())),
				places.villages().stream().collect(Collectors.toMap(Village::id, Function.identity())),
				places.townships().stream().collect(Collectors.toMap(Township::id, Function.identity())));
	}

	private record Names(Map<MemberId, Member> members, Map<VillageId, Village> villages,
			Map<TownshipId, Township> townships) {

	}

}
