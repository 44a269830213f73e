package org.oneweek.people.web;

import java.security.Principal;
import java.time.Clock;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.oneweek.people.Account;
import org.oneweek.people.AccountId;
import org.oneweek.people.Accounts;
import org.oneweek.people.ApiTokens;
import org.oneweek.people.DuplicateUsernameException;
import org.oneweek.people.InvalidPasswordException;
import org.oneweek.people.MemberId;
import org.oneweek.people.Members;
import org.oneweek.people.Role;
import org.oneweek.people.UnitId;
import org.oneweek.people.Units;
import org.oneweek.people.web.PeopleForms.AccountForm;
import org.oneweek.places.Places;
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

/**
 * The organization department's management of accounts: who may sign in, in which role,
 * linked to which member, village or unit.
 */
@Controller
@RequestMapping("/accounts")
class AccountAdminController {

	private final Accounts accounts;

	private final Members members;

	private final Places places;

	private final Units units;

	private final ApiTokens tokens;

	private final Clock clock;

	AccountAdminController(Accounts accounts, Members members, Places places, Units units, ApiTokens tokens,
			Clock clock) {
		this.accounts = accounts;
		this.members = members;
		this.places = places;
		this.units = units;
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("accounts", accounts.all());
		return "people/listAccounts";
	}

	@GetMapping("/new")
	String newAccount(Model model) {
		model.addAttribute("form", new AccountForm(null, null, null, null, null, null, null));
		return form(model);
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("form") AccountForm form, BindingResult result, Model model,
			Principal principal, RedirectAttributes redirect) {
		if (form.getRoles() != null) {
			boolean needsMember = form.getRoles().contains(Role.SECRETARY)
					|| form.getRoles().contains(Role.TROUBLESHOOTER);
			if (needsMember && Ids.given(form.getMemberId(), MemberId::of).flatMap(members::member).isEmpty()) {
				result.rejectValue("memberId", "people.account.memberRequired");
			}
			if (form.getRoles().contains(Role.COMMITTEE)
					&& Ids.given(form.getVillageId(), VillageId::of).flatMap(places::village).isEmpty()) {
				result.rejectValue("villageId", "people.account.villageRequired");
			}
			if (form.getRoles().contains(Role.UNIT)
					&& Ids.given(form.getUnitId(), UnitId::of).flatMap(units::unit).isEmpty()) {
				result.rejectValue("unitId", "people.account.unitRequired");
			}
		}
		if (!result.hasErrors()) {
			try {
				accounts.create(form.toCommand(), principal.getName());
				redirect.addFlashAttribute("messageKey", "common.saved");
				return "redirect:/accounts";
			}
			catch (DuplicateUsernameException ex) {
				result.rejectValue("username", "people.username.duplicate");
			}
			catch (InvalidPasswordException ex) {
				result.rejectValue("password", ex.getMessage());
			}
		}
		return form(model);
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, Principal principal,
			RedirectAttributes redirect) {
		Account account = accounts.account(AccountId.of(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (account.username().equalsIgnoreCase(principal.getName()) && !enabled) {
			redirect.addFlashAttribute("errorKey", "people.account.cannotDisableSelf");
			return "redirect:/accounts";
		}
		accounts.setEnabled(AccountId.of(id), enabled, principal.getName());
		redirect.addFlashAttribute("messageKey", "common.saved");
		return "redirect:/accounts";
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam(required = false) @Nullable String password,
			Principal principal, RedirectAttributes redirect) {
		accounts.account(AccountId.of(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			accounts.resetPassword(AccountId.of(id), password, principal.getName());
			redirect.addFlashAttribute("messageKey", "password.reset");
		}
		catch (InvalidPasswordException ex) {
			redirect.addFlashAttribute("errorKey", ex.getMessage());
		}
		return "redirect:/accounts";
	}

	/** An account's API tokens, to revoke one that was lost or is misused. */
	@GetMapping("/{id}/tokens")
	String tokens(@PathVariable long id, Model model) {
		model.addAttribute("account", accounts.account(AccountId.of(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("tokens", tokens.of(AccountId.of(id)));
		model.addAttribute("now", clock.instant());
		model.addAttribute("zone", clock.getZone());
		return "people/listApiTokens";
	}

	@PostMapping("/{id}/tokens/{tokenId}/revoke")
	String revokeToken(@PathVariable long id, @PathVariable long tokenId, Principal principal,
			RedirectAttributes redirect) {
		if (!tokens.revoke(tokenId, AccountId.of(id), principal.getName())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("messageKey", "account.tokens.revoked");
		return "redirect:/accounts/" + id + "/tokens";
	}

	private String form(Model model) {
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("members", members.all());
		model.addAttribute("villages", places.villages());
		model.addAttribute("units", units.all());
		return "people/editAccount";
	}

}
