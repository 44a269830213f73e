package org.oneweek.bulletin.web;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oneweek.platform.web.PublicAddress;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.IWebExchange;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * What the public pages share: the site's public address (printed in QR codes), reference
 * numbers as people type them, and rendering a page to text for the board's cache.
 */
@Component
class PublicPages {

	/** QX-2026-00123, also typed as qx 2026 123 or QX202600123. */
	private static final Pattern REFERENCE = Pattern
		.compile("^\\s*([A-Za-z]{2,6})\\s*[-‐－—_ ]?\\s*(\\d{4})\\s*[-‐－—_ ]?\\s*(\\d{1,9})\\s*$");

	private final PublicAddress address;

	private final SpringTemplateEngine templates;

	private final ApplicationContext context;

	private final ConversionService conversions;

	PublicPages(PublicAddress address, SpringTemplateEngine templates, ApplicationContext context,
			@Qualifier("mvcConversionService") ConversionService mvcConversionService) {
		this.address = address;
		this.templates = templates;
		this.context = context;
		this.conversions = mvcConversionService;
	}

	/** Whether the public address is configured, so that printed codes work elsewhere. */
	boolean addressConfigured() {
		return address.isConfigured();
	}

	/**
	 * The site's address as villagers reach it, without a trailing slash: configured,
	 * never taken from the request's headers ({@link PublicAddress}).
	 */
	String baseUrl() {
		return address.baseUrl();
	}

	String boardUrl(String villageCode) {
		return baseUrl() + "/board/" + villageCode;
	}

	String caseUrl(String reference) {
		return baseUrl() + "/c/" + reference;
	}

	/** The reference number as the ledger writes it, if the text can be one. */
	static Optional<String> normalizeReference(String text) {
		Matcher m = REFERENCE.matcher(text);
		if (!m.matches()) {
			return Optional.empty();
		}
		String number = m.group(3);
		if (number.length() < 5) {
			number = "0".repeat(5 - number.length()) + number;
		}
		else {
			number = number.replaceFirst("^0+(?=\\d{5})", "");
		}
		return Optional.of(m.group(1).toUpperCase(Locale.ROOT) + "-" + m.group(2) + "-" + number);
	}

	/** Renders a template to text, as the view would, for the board's cache. */
	String render(String template, Map<String, Object> variables, HttpServletRequest request,
			HttpServletResponse response, Locale locale) {
		IWebExchange exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response);
		WebContext web = new WebContext(exchange, locale, variables);
		web.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, conversions));
		return templates.process(template, web);
	}

}
