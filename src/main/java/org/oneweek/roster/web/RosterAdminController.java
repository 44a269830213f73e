package org.oneweek.roster.web;

import java.security.Principal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.Member;
import org.oneweek.people.MemberId;
import org.oneweek.people.Members;
import org.oneweek.places.Places;
import org.oneweek.places.Township;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.oneweek.platform.Weeks;
import org.oneweek.roster.RosterConflictException;
import org.oneweek.roster.VillageSchedule;
import org.oneweek.roster.VillageSchedules;
import org.oneweek.roster.internal.RosterChanges;
import org.oneweek.roster.internal.RosterChanges.RosterChange;
import org.oneweek.roster.internal.RosterSettings;
import org.oneweek.roster.internal.RosterSettingsStore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organization department's roster settings: which villages need a team when, how
 * planning works, and the history of changes to the published roster.
 */
@Controller
@RequestMapping("/roster")
class RosterAdminController {

	/** A village with its schedules, for the list. */
	record VillageRow(Village village, List<VillageSchedule> schedules) {

	}

	record TownshipRows(Township township, List<VillageRow> villages) {

	}

	/** A change to the published roster, with names. */
	record ChangeRow(long id, String kind, LocalDate weekStart, String week, @Nullable String place,
			boolean troubleshooter, @Nullable String removed, @Nullable String added, String actor, Instant at) {

	}

	private final VillageSchedules schedules;

	private final RosterSettingsStore settings;

	private final Places places;

	private final Members members;

	private final RosterChanges changes;

	private final Clock clock;

	RosterAdminController(VillageSchedules schedules, RosterSettingsStore settings, Places places, Members members,
			RosterChanges changes, Clock clock) {
		this.schedules = schedules;
		this.settings = settings;
		this.places = places;
		this.members = members;
		this.changes = changes;
		this.clock = clock;
	}

	@GetMapping("/schedules")
	String schedules(Model model) {
		Map<VillageId, List<VillageSchedule>> byVillage = schedules.all()
			.stream()
			.collect(Collectors.groupingBy(VillageSchedule::villageId));
		List<TownshipRows> rows = places.townships()
			.stream()
			.map((t) -> new TownshipRows(t,
					places.villagesOf(t.id())
						.stream()
						.map((v) -> new VillageRow(v, byVillage.getOrDefault(v.id(), List.of())))
						.toList()))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("villages", places.villages().stream().filter(Village::active).toList());
		model.addAttribute("nextMonday", Weeks.mondayOf(LocalDate.now(clock)).plusWeeks(1));
		return "roster/listSchedules";
	}

	@PostMapping("/schedules")
	String addSchedule(@RequestParam(required = false) @Nullable Long village,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate first,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate last,
			@RequestParam(required = false) @Nullable Integer every, Principal principal, RedirectAttributes redirect) {
		if (village == null || first == null || every == null) {
			redirect.addFlashAttribute("errorKey", "roster.schedule.required");
			return "redirect:/roster/schedules";
		}
		try {
			VillageId villageId = Ids.given(village, VillageId::of)
				.orElseThrow(() -> new RosterConflictException("roster.schedule.village"));
			schedules.create(villageId, first, last, every, principal.getName());
			redirect.addFlashAttribute("messageKey", "common.saved");
		}
		catch (RosterConflictException ex) {
			redirect.addFlashAttribute("errorKey", ex.getMessage());
		}
		return "redirect:/roster/schedules";
	}

	@PostMapping("/schedules/{id}/remove")
	String removeSchedule(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		schedules.remove(id, principal.getName());
		redirect.addFlashAttribute("messageKey", "common.removed");
		return "redirect:/roster/schedules";
	}

	@GetMapping("/settings")
	String settings(Model model) {
		model.addAttribute("settings", settings.current());
		model.addAttribute("days", DayOfWeek.values());
		return "roster/editSettings";
	}

	@PostMapping("/settings")
	String saveSettings(@RequestParam(name = "day", required = false) @Nullable List<String> days,
			@RequestParam(required = false) @Nullable Integer maxTermsPerQuarter,
			@RequestParam(required = false) @Nullable Integer spreadWeeks,
			@RequestParam(required = false) @Nullable Integer timeLimitSeconds, Principal principal,
			RedirectAttributes redirect) {
		Set<DayOfWeek> working = EnumSet.noneOf(DayOfWeek.class);
		if (days != null) {
			for (String day : days) {
				try {
					working.add(DayOfWeek.valueOf(day));
				}
				catch (IllegalArgumentException ex) {
					// an unknown day is ignored, like an unchecked box
				}
			}
		}
		String error = null;
		if (working.isEmpty()) {
			error = "roster.settings.days";
		}
		else if (maxTermsPerQuarter == null || maxTermsPerQuarter < 1 || maxTermsPerQuarter > 13) {
			error = "roster.settings.max";
		}
		else if (spreadWeeks == null || spreadWeeks < 1 || spreadWeeks > 13) {
			error = "roster.settings.spreadRange";
		}
		else if (timeLimitSeconds == null || timeLimitSeconds < RosterSettings.MIN_TIME_LIMIT
				|| timeLimitSeconds > RosterSettings.MAX_TIME_LIMIT) {
			error = "roster.run.timeLimit";
		}
		if (error != null) {
			redirect.addFlashAttribute("errorKey", error);
			return "redirect:/roster/settings";
		}
		settings.update(new RosterSettings(working, maxTermsPerQuarter, spreadWeeks, timeLimitSeconds),
				principal.getName());
		redirect.addFlashAttribute("messageKey", "common.saved");
		return "redirect:/roster/settings";
	}

	@GetMapping("/changes")
	String changes(Model model) {
		Map<Long, String> villages = places.villages()
			.stream()
			.collect(Collectors.toMap((v) -> v.id().value(), Village::name));
		Map<Long, String> townships = places.townships()
			.stream()
			.collect(Collectors.toMap((t) -> t.id().value(), Township::name));
		List<RosterChange> latest = changes.latest();
		Set<Long> named = new HashSet<>();
		for (RosterChange change : latest) {
			if (change.removedMemberId() != null) {
				named.add(change.removedMemberId());
			}
			if (change.addedMemberId() != null) {
				named.add(change.addedMemberId());
			}
		}
		Map<Long, String> names = members.members(Ids.all(named, MemberId::of))
			.stream()
			.collect(Collectors.toMap((m) -> m.id().value(), Member::name));
		List<ChangeRow> rows = latest.stream().map((change) -> {
			Long village = change.villageId();
			Long township = change.townshipId();
			return new ChangeRow(change.id(), change.kind(), change.weekStart(), Weeks.label(change.weekStart()),
					(village != null) ? villages.get(village) : (township != null) ? townships.get(township) : null,
					change.troubleshooter(), names.get(change.removedMemberId()), names.get(change.addedMemberId()),
					change.actor(), change.at());
		}).toList();
		model.addAttribute("changes", rows);
		model.addAttribute("zone", clock.getZone());
		return "roster/listChanges";
	}

}
