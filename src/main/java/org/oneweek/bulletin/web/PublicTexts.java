package org.oneweek.bulletin.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseEvent;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A public timeline entry in words, in the reader's language. It never names who acted:
 * the public sees what was done and when; the responsible is on the case.
 */
@Component
class PublicTexts {

	private final MessageSource messages;

	PublicTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** One line of the public timeline; {@code photoId} when it shows a photo. */
	record Entry(CaseEvent event, String text, @Nullable Long photoId) {

	}

	Entry entry(CaseEvent e, Locale locale) {
		Long photoId = (e.kind() == CaseEvent.Kind.PHOTO && e.get("photoId") instanceof Number n) ? n.longValue()
				: null;
		return new Entry(e, describe(e, locale), photoId);
	}

	String describe(CaseEvent e, Locale locale) {
		return switch (e.kind()) {
			case RECEIVED -> msg("bulletin.event.RECEIVED", locale, msg("case.source." + e.get("source"), locale));
			case ASSIGNED -> msg("bulletin.event.ASSIGNED", locale,
					msg("case.assignee." + e.get("assigneeKind"), locale), e.get("name"));
			case STARTED -> msg("bulletin.event.STARTED", locale);
			case RESOLVED -> msg("bulletin.event.RESOLVED", locale, e.get("result"));
			case CLOSED ->
				msg("bulletin.event.CLOSED", locale, msg("case.satisfaction." + e.get("satisfaction"), locale));
			case REOPENED -> "FOLLOW_UP".equals(e.get("by")) ? msg("bulletin.event.REOPENED.followUp", locale)
					: msg("bulletin.event.REOPENED", locale);
			case MERGED -> msg("bulletin.event.MERGED", locale, e.get("into"));
			case MERGED_FROM -> msg("bulletin.event.MERGED_FROM", locale, e.get("from"));
			case DECLINED -> msg("bulletin.event.DECLINED", locale, (e.reason() != null) ? e.reason() : "");
			case NOTE -> msg("bulletin.event.NOTE", locale, e.get("text"));
			case PROGRESS -> msg("bulletin.event.PROGRESS", locale, e.get("percent"));
			case PHOTO -> msg("bulletin.event.PHOTO", locale, msg("case.photo.phase." + e.get("phase"), locale));
			case FUNDING_REQUESTED -> msg("bulletin.event.FUNDING_REQUESTED", locale, e.get("amount"));
			case FUNDING_APPROVED -> msg("bulletin.event.FUNDING_APPROVED", locale, e.get("amount"), e.get("source"));
			case FOLLOW_UP -> msg("bulletin.event.FOLLOW_UP." + e.get("type"), locale);
			case HANDED_OVER -> msg("bulletin.event.HANDED_OVER", locale);
			case ACKNOWLEDGED -> msg("bulletin.event.ACKNOWLEDGED", locale);
			case ESCALATED -> msg("bulletin.event.ESCALATED", locale);
			case URGENCY_CHANGED, OVERDUE, TITLE_PUBLISHED -> msg("bulletin.event.OTHER", locale);
		};
	}

	String msg(String key, Locale locale, @Nullable Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
