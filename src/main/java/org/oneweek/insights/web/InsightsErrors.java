package org.oneweek.insights.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oneweek.insights.InsightsException;
import org.oneweek.platform.web.Errors;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A filter that cannot be answered (a period ending before it starts, a value that is not
 * a number or a day) is the request's fault: 400, in the person's language, as a page or
 * a problem detail.
 */
@ControllerAdvice(assignableTypes = { InsightsApiController.class, InsightsController.class, CallbackController.class,
		InsightsExportController.class, MonthlyReportController.class })
class InsightsErrors {

	@ExceptionHandler(InsightsException.class)
	void refused(InsightsException ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		Errors.send(request, response, HttpServletResponse.SC_BAD_REQUEST, ex.messageKey());
	}

	@ExceptionHandler(BindException.class)
	void unreadable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Errors.send(request, response, HttpServletResponse.SC_BAD_REQUEST, "insights.filter.invalid");
	}

}
