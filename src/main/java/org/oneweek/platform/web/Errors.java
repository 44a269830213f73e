package org.oneweek.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends an error to be answered by the error page ({@code /error}) with a text of its
 * own: for filters and handlers that refuse a request before or outside a controller.
 */
public final class Errors {

	/** The request attribute that carries the message key of the refusal. */
	public static final String MESSAGE_KEY = Errors.class.getName() + ".messageKey";

	private Errors() {
	}

	/** Answers with the status and the text of the message key, in the page's format. */
	public static void send(HttpServletRequest request, HttpServletResponse response, int status, String messageKey)
			throws IOException {
		request.setAttribute(MESSAGE_KEY, messageKey);
		response.sendError(status);
	}

}
