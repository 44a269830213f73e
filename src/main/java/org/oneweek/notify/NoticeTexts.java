package org.oneweek.notify;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a notice: the message {@code notify.text.<KIND>} with its arguments, in
 * the district's language (zh-CN) for SMS and the group robot, in the page's for the
 * notices page.
 */
@Component
public class NoticeTexts {

	/** The language of messages that leave the site. */
	public static final Locale DISTRICT = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;

	NoticeTexts(MessageSource messages) {
		this.messages = messages;
	}

	public String text(NoticeKind kind, List<String> args, Locale locale) {
		return messages.getMessage("notify.text." + kind.name(), args.toArray(), locale);
	}

	/** With the program's name first, as a text message must say who sends it. */
	public String outgoing(NoticeKind kind, List<String> args) {
		return messages.getMessage("notify.prefix", null, DISTRICT) + text(kind, args, DISTRICT);
	}

}
