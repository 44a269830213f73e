package org.oneweek.casework.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseEvent;
import org.oneweek.casework.Actor;
import org.oneweek.casework.CaseRuleException;
import org.oneweek.casework.CaseState;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of the ledger: a timeline entry, a refusal, in the reader's language.
 */
@Component
class CaseTexts {

	private final MessageSource messages;

	CaseTexts(MessageSource messages) {
		this.messages = messages;
	}

	String msg(String key, Locale locale, @Nullable Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	/** A refusal, with states named in words. */
	String refusal(CaseRuleException ex, Locale locale) {
		Object[] args = ex.arguments();
		for (int i = 0; i < args.length; i++) {
			if (args[i] instanceof CaseState state) {
				args[i] = msg("case.state." + state.name(), locale);
			}
		}
		return msg(ex.messageKey(), locale, args);
	}

	/** Refusal arguments as the flash message expects them (states named in words). */
	Object[] refusalArgs(CaseRuleException ex, Locale locale) {
		Object[] args = ex.arguments();
		for (int i = 0; i < args.length; i++) {
			if (args[i] instanceof CaseState state) {
				args[i] = msg("case.state." + state.name(), locale);
			}
		}
		return args;
	}

	String actor(CaseEvent event, Locale locale) {
		if (event.actorId() == null && Actor.PUBLIC_NAME.equals(event.actorName())) {
			return msg("case.event.public", locale);
		}
		return Actor.SYSTEM_NAME.equals(event.actorName()) && event.actorId() == null ? msg("case.event.system", locale)
				: event.actorName();
	}

	/** What happened, in a sentence. */
	String describe(CaseEvent e, Locale locale) {
		String kind = e.kind().name();
		return switch (e.kind()) {
			case RECEIVED -> msg("case.event.RECEIVED", locale, msg("case.source." + e.get("source"), locale));
			case ASSIGNED -> "urgent".equals(e.get("why")) ? msg("case.event.ASSIGNED.urgent", locale, e.get("name"))
					: msg("case.event.ASSIGNED", locale,
							msg("case.assignee." + e.get("assigneeKind"), locale) + " " + e.get("name"));
			case RESOLVED -> msg("case.event.RESOLVED", locale, e.get("result"));
			case CLOSED -> msg("case.event.CLOSED", locale, msg("case.satisfaction." + e.get("satisfaction"), locale));
			case MERGED -> msg("case.event.MERGED", locale, e.get("into"));
			case MERGED_FROM -> msg("case.event.MERGED_FROM", locale, e.get("from"));
			case NOTE -> msg("case.event.NOTE", locale, e.get("text"));
			case FOLLOW_UP -> msg("case.event.FOLLOW_UP." + e.get("type"), locale);
			case PROGRESS -> msg("case.event.PROGRESS", locale, e.get("percent"));
			case PHOTO -> msg("case.event.PHOTO", locale, msg("case.photo.phase." + e.get("phase"), locale));
			case FUNDING_REQUESTED -> msg("case.event.FUNDING_REQUESTED", locale, e.get("amount"));
			case FUNDING_APPROVED ->
				msg("case.event.FUNDING_APPROVED", locale, e.get("amount"), e.get("source"), e.get("approvedBy"));
			case URGENCY_CHANGED ->
				msg("case.event.URGENCY_CHANGED", locale, msg("case.urgency.short." + e.get("to"), locale));
			case ESCALATED -> msg("case.event.ESCALATED." + e.get("level"), locale,
					msg("case.event.deadline." + e.get("deadline"), locale));
			default -> msg("case.event." + kind, locale);
		};
	}

}
