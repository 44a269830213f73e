package org.oneweek.people.web;

import java.security.Principal;

import jakarta.validation.Valid;
import org.oneweek.people.Units;
import org.oneweek.people.web.PeopleForms.UnitForm;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/units")
class UnitController {

	private final Units units;

	UnitController(Units units) {
		this.units = units;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("units", units.all());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new UnitForm(null, null, null, null));
		}
		return "people/listUnits";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") UnitForm form, BindingResult result, Model model, Principal principal,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				units.create(form.toCommand(), principal.getName());
				redirect.addFlashAttribute("messageKey", "common.saved");
				return "redirect:/units";
			}
			catch (DuplicateKeyException ex) {
				result.rejectValue("code", "places.code.duplicate");
			}
		}
		model.addAttribute("units", units.all());
		return "people/listUnits";
	}

}
