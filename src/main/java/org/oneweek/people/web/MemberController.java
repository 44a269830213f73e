package org.oneweek.people.web;

import java.security.Principal;
import java.util.Optional;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.oneweek.people.DuplicatePhoneException;
import org.oneweek.people.Member;
import org.oneweek.people.MemberId;
import org.oneweek.people.MemberManagement;
import org.oneweek.people.Members;
import org.oneweek.people.web.PeopleForms.MemberForm;
import org.oneweek.people.web.PeopleForms.UnavailabilityForm;
import org.oneweek.places.Places;
import org.oneweek.places.TownshipId;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/members")
class MemberController {

	private final Members members;

	private final MemberManagement management;

	private final Places places;

	MemberController(Members members, MemberManagement management, Places places) {
		this.members = members;
		this.management = management;
		this.places = places;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("members", (q == null || q.isBlank()) ? members.all() : members.search(q));
		model.addAttribute("townships", places.townships());
		return "people/listMembers";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		Member member = members.member(MemberId.of(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("member", member);
		model.addAttribute("unavailability", members.unavailability(MemberId.of(id)));
		model.addAttribute("homeTownship",
				Optional.ofNullable(member.homeTownshipId()).flatMap(places::township).orElse(null));
		model.addAttribute("homeVillage",
				Optional.ofNullable(member.homeVillageId()).flatMap(places::village).orElse(null));
		if (!model.containsAttribute("unavailabilityForm")) {
			model.addAttribute("unavailabilityForm", new UnavailabilityForm(null, null, null));
		}
		return "people/showMember";
	}

	@GetMapping("/new")
	String newMember(Model model) {
		model.addAttribute("form", MemberForm.empty());
		return form(model, null);
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("form") MemberForm form, BindingResult result, Model model,
			Principal principal, RedirectAttributes redirect) {
		checkPlaces(form, result);
		if (!result.hasErrors()) {
			try {
				MemberId id = management.create(form.toCommand(), principal.getName());
				redirect.addFlashAttribute("messageKey", "common.saved");
				return "redirect:/members/" + id;
			}
			catch (DuplicatePhoneException ex) {
				result.rejectValue("phone", "people.phone.duplicate");
			}
		}
		return form(model, null);
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Member member = members.member(MemberId.of(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("form", MemberForm.of(member));
		return form(model, id);
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") MemberForm form, BindingResult result,
			Model model, Principal principal, RedirectAttributes redirect) {
		members.member(MemberId.of(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		checkPlaces(form, result);
		if (!result.hasErrors()) {
			try {
				management.update(MemberId.of(id), form.toCommand(), principal.getName());
				redirect.addFlashAttribute("messageKey", "common.saved");
				return "redirect:/members/" + id;
			}
			catch (DuplicatePhoneException ex) {
				result.rejectValue("phone", "people.phone.duplicate");
			}
		}
		return form(model, id);
	}

	@PostMapping("/{id}/unavailability")
	String addUnavailability(@PathVariable long id,
			@Valid @ModelAttribute("unavailabilityForm") UnavailabilityForm form, BindingResult result, Model model,
			Principal principal, RedirectAttributes redirect) {
		members.member(MemberId.of(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!result.hasErrors() && form.getTo().isBefore(form.getFrom())) {
			result.rejectValue("to", "people.unavailability.order");
		}
		if (result.hasErrors()) {
			return show(id, model);
		}
		management.addUnavailability(MemberId.of(id), form.toCommand(), principal.getName());
		redirect.addFlashAttribute("messageKey", "common.saved");
		return "redirect:/members/" + id;
	}

	@PostMapping("/{id}/unavailability/{entry}/remove")
	String removeUnavailability(@PathVariable long id, @PathVariable long entry, Principal principal,
			RedirectAttributes redirect) {
		management.removeUnavailability(MemberId.of(id), entry, principal.getName());
		redirect.addFlashAttribute("messageKey", "common.removed");
		return "redirect:/members/" + id;
	}

	private void checkPlaces(MemberForm form, BindingResult result) {
		if (form.getHomeTownshipId() != null
				&& Ids.given(form.getHomeTownshipId(), TownshipId::of).flatMap(places::township).isEmpty()) {
			result.rejectValue("homeTownshipId", "validation.unknown");
		}
		if (form.getHomeVillageId() != null) {
			Village village = Ids.given(form.getHomeVillageId(), VillageId::of).flatMap(places::village).orElse(null);
			if (village == null) {
				result.rejectValue("homeVillageId", "validation.unknown");
			}
			else if (form.getHomeTownshipId() != null && village.townshipId().value() != form.getHomeTownshipId()) {
				result.rejectValue("homeVillageId", "people.village.notInTownship");
			}
		}
	}

	private String form(Model model, @Nullable Long id) {
		model.addAttribute("memberId", id);
		model.addAttribute("townships", places.townships());
		model.addAttribute("villages", places.villages());
		model.addAttribute("genders", Member.Gender.values());
		return "people/editMember";
	}

}
