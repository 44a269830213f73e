package org.oneweek.places.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.oneweek.places.DistrictId;
import org.oneweek.places.DuplicateCodeException;
import org.oneweek.places.PlaceManagement;
import org.oneweek.places.Places;
import org.oneweek.places.Township;
import org.oneweek.places.TownshipId;
import org.oneweek.places.Village;
import org.oneweek.places.VillageId;
import org.oneweek.places.web.PlaceForms.DistrictForm;
import org.oneweek.platform.Ids;
import org.oneweek.places.web.PlaceForms.TownshipForm;
import org.oneweek.places.web.PlaceForms.VillageForm;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/places")
class PlaceController {

	private final Places places;

	private final PlaceManagement management;

	PlaceController(Places places, PlaceManagement management) {
		this.places = places;
		this.management = management;
	}

	@GetMapping
	String list(Model model) {
		List<Township> townships = places.townships();
		Map<TownshipId, List<Village>> villages = places.villages()
			.stream()
			.collect(Collectors.groupingBy(Village::townshipId));
		model.addAttribute("districts", places.districts());
		model.addAttribute("townships", townships);
		model.addAttribute("villagesByTownship", villages);
		return "places/listPlaces";
	}

	@GetMapping("/districts/new")
	String newDistrict(Model model) {
		model.addAttribute("form", new DistrictForm(null, null, null));
		return "places/editDistrict";
	}

	@PostMapping("/districts/new")
	String createDistrict(@Valid @ModelAttribute("form") DistrictForm form, BindingResult result, Principal principal,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				management.createDistrict(form.toCommand(), principal.getName());
				redirect.addFlashAttribute("messageKey", "common.saved");
				return "redirect:/places";
			}
			catch (DuplicateCodeException ex) {
				result.rejectValue("code", "places.code.duplicate");
			}
		}
		return "places/editDistrict";
	}

	@GetMapping("/townships/new")
	String newTownship(Model model) {
		model.addAttribute("form", new TownshipForm(null, null, null, Township.Kind.STREET, null));
		return townshipForm(model, null);
	}

	@PostMapping("/townships/new")
	String createTownship(@Valid @ModelAttribute("form") TownshipForm form, BindingResult result, Model model,
			Principal principal, RedirectAttributes redirect) {
		checkDistrict(form, result);
		if (!result.hasErrors()) {
			try {
				management.createTownship(form.toCreate(), principal.getName());
				redirect.addFlashAttribute("messageKey", "common.saved");
				return "redirect:/places";
			}
			catch (DuplicateCodeException ex) {
				result.rejectValue("code", "places.code.duplicate");
			}
		}
		return townshipForm(model, null);
	}

	@GetMapping("/townships/{id}/edit")
	String editTownship(@PathVariable long id, Model model) {
		Township t = places.township(TownshipId.of(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("form",
				new TownshipForm(t.districtId().value(), t.code(), t.name(), t.kind(), t.population()));
		return townshipForm(model, id);
	}

	@PostMapping("/townships/{id}/edit")
	String updateTownship(@PathVariable long id, @Valid @ModelAttribute("form") TownshipForm form, BindingResult result,
			Model model, Principal principal, RedirectAttributes redirect) {
		places.township(TownshipId.of(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		checkDistrict(form, result);
		if (!result.hasErrors()) {
			try {
				management.updateTownship(TownshipId.of(id), form.toUpdate(), principal.getName());
				redirect.addFlashAttribute("messageKey", "common.saved");
				return "redirect:/places";
			}
			catch (DuplicateCodeException ex) {
				result.rejectValue("code", "places.code.duplicate");
			}
		}
		return townshipForm(model, id);
	}

	private void checkDistrict(TownshipForm form, BindingResult result) {
		if (form.getDistrictId() != null
				&& Ids.given(form.getDistrictId(), DistrictId::of).flatMap(places::district).isEmpty()) {
			result.rejectValue("districtId", "validation.unknown");
		}
	}

	private String townshipForm(Model model, @Nullable Long id) {
		model.addAttribute("townshipId", id);
		model.addAttribute("districts", places.districts());
		model.addAttribute("kinds", Township.Kind.values());
		return "places/editTownship";
	}

	@GetMapping("/villages/{id}")
	String showVillage(@PathVariable long id, Model model) {
		Village village = places.village(VillageId.of(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("village", village);
		model.addAttribute("township", places.township(village.townshipId()).orElseThrow());
		return "places/showVillage";
	}

	@GetMapping("/villages/new")
	String newVillage(Model model) {
		model.addAttribute("form", VillageForm.empty());
		return villageForm(model, null);
	}

	@PostMapping("/villages/new")
	String createVillage(@Valid @ModelAttribute("form") VillageForm form, BindingResult result, Model model,
			Principal principal, RedirectAttributes redirect) {
		checkTownship(form, result);
		if (!result.hasErrors()) {
			try {
				VillageId id = management.createVillage(form.toCreate(), principal.getName());
				redirect.addFlashAttribute("messageKey", "common.saved");
				return "redirect:/places/villages/" + id;
			}
			catch (DuplicateCodeException ex) {
				result.rejectValue("code", "places.code.duplicate");
			}
		}
		return villageForm(model, null);
	}

	@GetMapping("/villages/{id}/edit")
	String editVillage(@PathVariable long id, Model model) {
		Village village = places.village(VillageId.of(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("form", VillageForm.of(village));
		return villageForm(model, id);
	}

	@PostMapping("/villages/{id}/edit")
	String updateVillage(@PathVariable long id, @Valid @ModelAttribute("form") VillageForm form, BindingResult result,
			Model model, Principal principal, RedirectAttributes redirect) {
		places.village(VillageId.of(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		checkTownship(form, result);
		if (result.hasErrors()) {
			return villageForm(model, id);
		}
		management.updateVillage(VillageId.of(id), form.toUpdate(), principal.getName());
		redirect.addFlashAttribute("messageKey", "common.saved");
		return "redirect:/places/villages/" + id;
	}

	private void checkTownship(VillageForm form, BindingResult result) {
		if (form.getTownshipId() != null
				&& Ids.given(form.getTownshipId(), TownshipId::of).flatMap(places::township).isEmpty()) {
			result.rejectValue("townshipId", "validation.unknown");
		}
	}

	private String villageForm(Model model, @Nullable Long id) {
		model.addAttribute("villageId", id);
		model.addAttribute("townships", places.townships());
		model.addAttribute("kinds", Village.Kind.values());
		return "places/editVillage";
	}

}
