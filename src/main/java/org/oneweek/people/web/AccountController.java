package org.oneweek.people.web;

import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Accounts;
import org.oneweek.people.InvalidPasswordException;
import org.oneweek.people.PeopleForms.PasswordChangeForm;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One's own account: who one is signed in as, and changing one's password.
 */
@Controller
class AccountController {

	private final Accounts accounts;

	AccountController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/account")
	String show(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("account", accounts.account(me.accountId()).orElseThrow());
		return "people/showAccount";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal AccountPrincipal me, @ModelAttribute PasswordChangeForm form,
			Model model, RedirectAttributes redirect) {
		String problem = null;
		if (form.getNewPassword() == null || !form.getNewPassword().equals(form.getConfirmPassword())) {
			problem = "password.mismatch";
		}
		else {
			try {
				accounts.changeOwnPassword(me.accountId(), form.getCurrentPassword(), form.getNewPassword());
			}
			catch (InvalidPasswordException ex) {
				problem = ex.getMessage();
			}
		}
		if (problem != null) {
			model.addAttribute("account", accounts.account(me.accountId()).orElseThrow());
			model.addAttribute("errorKey", problem);
			return "people/showAccount";
		}
		redirect.addFlashAttribute("messageKey", "password.changed");
		return "redirect:/account";
	}

}
