package org.oneweek.insights.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.Cases;
import org.oneweek.casework.Satisfaction;
import org.oneweek.insights.CallbackAnswer;
import org.oneweek.insights.Callbacks;
import org.oneweek.insights.Callbacks.Waiting;
import org.oneweek.platform.KeyedException;
import org.oneweek.insights.MetricFilter;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.places.Places;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The callback queue (回访) for the organization department: resolved cases awaiting the
 * villager's answer, oldest first, each with a one-line form.
 */
@Controller
@RequestMapping("/insights/callbacks")
@PreAuthorize("hasRole('ORG_ADMIN')")
class CallbackController {

	private final Callbacks callbacks;

	private final Cases cases;

	private final Places places;

	private final Clock clock;

	CallbackController(Callbacks callbacks, Cases cases, Places places, Clock clock) {
		this.callbacks = callbacks;
		this.cases = cases;
		this.places = places;
		this.clock = clock;
	}

	@GetMapping
	String queue(@ModelAttribute("filter") FilterParams params, Model model) {
		MetricFilter filter = params.toFilter();
		List<Waiting> queue = callbacks.queue(filter, clock.instant());
		model.addAttribute("queue", queue);
		model.addAttribute("reporters", cases.reporters(queue.stream().map((w) -> w.caseFile().id()).toList()));
		model.addAttribute("villageNames", InsightsController.villageNames(places));
		model.addAttribute("townships", places.townships());
		model.addAttribute("tally", callbacks.tally(filter, clock.instant()));
		model.addAttribute("dueNow", queue.stream().filter(Waiting::dueNow).count());
		model.addAttribute("answers", Satisfaction.values());
		model.addAttribute("back", params.query());
		return "insights/listCallbacks";
	}

	@PostMapping("/{reference}")
	String record(@PathVariable String reference, @RequestParam(defaultValue = "false") boolean reached,
			@RequestParam(required = false) @Nullable Satisfaction satisfaction,
			@RequestParam(required = false) @Nullable String comment, @ModelAttribute("filter") FilterParams params,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		try {
			callbacks.record(reference, new CallbackAnswer(reached, satisfaction, comment), me, clock.instant());
			redirect.addFlashAttribute("messageKey", reached ? "insights.callback.closed" : "insights.callback.retry");
			redirect.addFlashAttribute("messageArgs", new Object[] { reference });
		}
		catch (KeyedException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKey());
			redirect.addFlashAttribute("errorArgs", ex.arguments());
		}
		UriComponentsBuilder back = UriComponentsBuilder.fromPath("/insights/callbacks");
		for (Map.Entry<String, Object> q : params.query().entrySet()) {
			back.queryParam(q.getKey(), q.getValue());
		}
		return "redirect:" + back.encode().build().toUriString();
	}

}
