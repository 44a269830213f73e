package org.oneweek.bulletin.web;

import java.time.Clock;

import jakarta.validation.Valid;
import org.oneweek.bulletin.Open311Keys;
import org.oneweek.bulletin.web.BulletinForms.KeyForm;
import org.oneweek.people.AccountPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organization department gives other systems (a 12345 hotline platform) keys to
 * create cases through Open311, and takes them back.
 */
@Controller
@RequestMapping("/bulletin/open311/keys")
@PreAuthorize("hasRole('ORG_ADMIN')")
class Open311KeyController {

	private final Open311Keys keys;

	private final PublicPages pages;

	private final Clock clock;

	Open311KeyController(Open311Keys keys, PublicPages pages, Clock clock) {
		this.keys = keys;
		this.pages = pages;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new KeyForm());
		}
		model.addAttribute("keys", keys.all());
		model.addAttribute("endpoint", pages.baseUrl() + "/open311/v2");
		model.addAttribute("zone", clock.getZone());
		return "bulletin/listKeys";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") KeyForm form, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal me, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return list(model);
		}
		Open311Keys.Created created = keys.create(form.getName(), me.getUsername(), clock.instant());
		redirect.addFlashAttribute("newKey", created.key());
		redirect.addFlashAttribute("messageKey", "bulletin.keys.created");
		return "redirect:/bulletin/open311/keys";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		keys.revoke(id, me.getUsername(), clock.instant());
		redirect.addFlashAttribute("messageKey", "bulletin.keys.revoked");
		return "redirect:/bulletin/open311/keys";
	}

}
