package org.oneweek.people.web;

import java.time.Clock;
import java.util.UUID;

import jakarta.validation.Valid;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Accounts;
import org.oneweek.people.ApiTokens;
import org.oneweek.people.InvalidPasswordException;
import org.oneweek.people.web.PeopleForms.ApiTokenForm;
import org.oneweek.people.web.PeopleForms.PasswordChangeForm;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One's own account: who one is signed in as, changing one's password, and one's API
 * tokens for programs.
 */
@Controller
class AccountController {

	private static final String TOKEN_FORM = "tokenForm";

	private final Accounts accounts;

	private final ApiTokens tokens;

	private final Clock clock;

	AccountController(Accounts accounts, ApiTokens tokens, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping("/account")
	String show(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		return page(me, model);
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
			model.addAttribute("errorKey", problem);
			return page(me, model);
		}
		redirect.addFlashAttribute("messageKey", "password.changed");
		return "redirect:/account";
	}

	/**
	 * Creates a token and shows it in this answer, the only place it ever appears: not
	 * redirected through a flash attribute, which would keep it in the session table. The
	 * same form sent again (a double tap, a reload) creates nothing more.
	 */
	@PostMapping("/account/tokens")
	String createToken(@AuthenticationPrincipal AccountPrincipal me,
			@Valid @ModelAttribute(TOKEN_FORM) ApiTokenForm form, BindingResult result, Model model) {
		if (result.hasErrors()) {
			return page(me, model);
		}
		ApiTokens.Created created = tokens.create(me.accountId(), form.getName(), form.getValidity(),
				form.getRequestKey(), me.getUsername());
		if (created.repeated()) {
			model.addAttribute("errorKey", "account.tokens.repeated");
		}
		else {
			model.addAttribute("newToken", created.token());
			model.addAttribute("messageKey", "account.tokens.created");
		}
		// a fresh, empty form for the next token
		model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + TOKEN_FORM);
		model.addAttribute(TOKEN_FORM, newForm());
		return page(me, model);
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id,
			RedirectAttributes redirect) {
		if (!tokens.revoke(id, me.accountId(), me.getUsername())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("messageKey", "account.tokens.revoked");
		return "redirect:/account#api-tokens";
	}

	private String page(AccountPrincipal me, Model model) {
		model.addAttribute("account", accounts.account(me.accountId()).orElseThrow());
		if (!model.containsAttribute(TOKEN_FORM)) {
			model.addAttribute(TOKEN_FORM, newForm());
		}
		model.addAttribute("tokens", tokens.of(me.accountId()));
		model.addAttribute("validities", ApiTokens.Validity.values());
		model.addAttribute("now", clock.instant());
		model.addAttribute("zone", clock.getZone());
		return "people/showAccount";
	}

	private static ApiTokenForm newForm() {
		return new ApiTokenForm(null, ApiTokens.Validity.DAYS_90, UUID.randomUUID().toString());
	}

}
