package org.oneweek.reconciliation.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.oneweek.casework.CaseCategory;
import org.oneweek.casework.Cases;
import org.oneweek.reconciliation.Reason;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Reasons and categories in the reader's language, for the templates. */
@Component("reconciliationTexts")
class ReconciliationTexts {

	private final MessageSource messages;

	private final Cases cases;

	ReconciliationTexts(MessageSource messages, Cases cases) {
		this.messages = messages;
		this.cases = cases;
	}

	Texts in(Locale locale) {
		Map<String, String> names = new HashMap<>();
		for (CaseCategory category : cases.categories()) {
			names.put(category.code(), category.name(locale));
		}
		return new Texts(messages, names, locale);
	}

	/** What a template calls. */
	public record Texts(MessageSource messages, Map<String, String> categories, Locale locale) {

		public String category(String code) {
			if (code == null || code.isBlank()) {
				return messages.getMessage("reconciliation.category.none", null, locale);
			}
			return categories.getOrDefault(code, code);
		}

		public String reason(Reason reason) {
			Object[] args = reason.arguments();
			if (reason.key().equals("reconciliation.reason.category")) {
				args = new Object[] { category(reason.args().get(0)) };
			}
			else if (reason.key().equals("reconciliation.reason.otherCategory")) {
				args = new Object[] { category(reason.args().get(0)), category(reason.args().get(1)) };
			}
			return messages.getMessage(reason.key(), args, locale);
		}

	}

}
