package org.oneweek.people.web;

import org.jspecify.annotations.Nullable;
import org.oneweek.people.DuplicateUsernameException;
import org.oneweek.people.InvalidPasswordException;
import org.oneweek.people.PeopleRules;
import org.oneweek.people.internal.FirstAdministratorSetup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creates the first organization administrator with the one-time link printed on first
 * start.
 */
@Controller
class SetupController {

	private final ObjectProvider<FirstAdministratorSetup> setup;

	SetupController(ObjectProvider<FirstAdministratorSetup> setup) {
		this.setup = setup;
	}

	@GetMapping("/setup")
	String form(@RequestParam(required = false) @Nullable String token, Model model) {
		FirstAdministratorSetup s = setup.getIfAvailable();
		if (s == null || token == null || !s.valid(token)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("token", token);
		return "people/setup";
	}

	@PostMapping("/setup")
	String create(@RequestParam(required = false) @Nullable String token,
			@RequestParam(required = false) @Nullable String username,
			@RequestParam(required = false) @Nullable String displayName,
			@RequestParam(required = false) @Nullable String password,
			@RequestParam(required = false) @Nullable String confirmPassword, Model model,
			RedirectAttributes redirect) {
		FirstAdministratorSetup s = setup.getIfAvailable();
		if (s == null || token == null || !s.valid(token)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("token", token);
		model.addAttribute("username", username);
		model.addAttribute("displayName", displayName);
		if (username == null || !username.strip().matches(PeopleRules.USERNAME_PATTERN)) {
			model.addAttribute("errorKey", "people.username.pattern");
			return "people/setup";
		}
		if (displayName == null || displayName.isBlank() || displayName.length() > 40) {
			model.addAttribute("errorKey", "people.displayName.required");
			return "people/setup";
		}
		if (password == null || !password.equals(confirmPassword)) {
			model.addAttribute("errorKey", "password.mismatch");
			return "people/setup";
		}
		try {
			s.createFirstAdministrator(token, username.strip(), displayName.strip(), password);
		}
		catch (InvalidPasswordException ex) {
			model.addAttribute("errorKey", ex.getMessage());
			return "people/setup";
		}
		catch (DuplicateUsernameException ex) {
			model.addAttribute("errorKey", "people.username.duplicate");
			return "people/setup";
		}
		redirect.addFlashAttribute("messageKey", "setup.done");
		return "redirect:/login";
	}

}
