package org.oneweek.notify.web;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.oneweek.notify.Channel;
import org.oneweek.notify.Notices;
import org.oneweek.people.AccountPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One's own notices, whether they reached one's phone, and how they should. */
@Controller
class NoticeController {

	static final int SHOWN = 50;

	private final Notices notices;

	private final Clock clock;

	NoticeController(Notices notices, Clock clock) {
		this.notices = notices;
		this.clock = clock;
	}

	@GetMapping("/notices")
	String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("notices", notices.of(me.accountId(), SHOWN));
		model.addAttribute("channel", notices.channel(me.accountId()));
		model.addAttribute("smsAvailable", notices.smsAvailable());
		model.addAttribute("zone", clock.getZone());
		return "notify/listNotices";
	}

	@PostMapping("/notices/channel")
	String choose(@AuthenticationPrincipal AccountPrincipal me,
			@RequestParam(required = false) @Nullable String channel, Model model, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
		Channel chosen = parse(channel);
		if (chosen == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("errorKey", "notify.channel.unknown");
			return list(me, model);
		}
		notices.choose(me.accountId(), chosen, clock.instant());
		redirect.addFlashAttribute("messageKey", "notify.channel.saved");
		return "redirect:/notices";
	}

	private static @Nullable Channel parse(@Nullable String value) {
		if ("IN_APP".equals(value)) {
			return Channel.IN_APP;
		}
		if ("SMS".equals(value)) {
			return Channel.SMS;
		}
		return null;
	}

}
