package org.oneweek.platform.web;

import java.io.IOException;
import java.sql.SQLException;
import java.time.DateTimeException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Refusals that can come from any controller, answered alike everywhere (through
 * {@link ErrorPages}, so pages, the API and Open311 each in their format) and before any
 * controller's own catch-all: an upload that is too large, a date the calendar cannot
 * hold, a value the database refuses, a change that collided with another, the database
 * being away for a moment. None of these is the server's fault, so none is a 500.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommonErrors {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Errors.send(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "platform.error.413.text");
	}

	@ExceptionHandler(MultipartException.class)
	void brokenUpload(MultipartException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (NestedExceptionUtils.getMostSpecificCause(ex).getClass().getSimpleName().contains("SizeLimit")
				|| NestedExceptionUtils.getMostSpecificCause(ex).getClass().getSimpleName().contains("SizeException")) {
			tooLarge(request, response);
			return;
		}
		Errors.send(request, response, HttpServletResponse.SC_BAD_REQUEST, "error.400.text");
	}

	/** A date or time beyond what the calendar can hold (year one million). */
	@ExceptionHandler(DateTimeException.class)
	void date(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Errors.send(request, response, HttpServletResponse.SC_BAD_REQUEST, "platform.error.date");
	}

	/**
	 * SQL state class 22 is bad data (a character, a number, a time out of range): the
	 * request's fault, 400. Anything else here is a constraint met by a concurrent change
	 * (a double submission): 409, the first one stands.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	void refused(DataIntegrityViolationException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String state = sqlState(ex);
		if (state != null && state.startsWith("22")) {
			Errors.send(request, response, HttpServletResponse.SC_BAD_REQUEST, "platform.error.input");
			return;
		}
		Errors.send(request, response, HttpServletResponse.SC_CONFLICT, "platform.error.conflict");
	}

	/** The database restarting or unreachable for a moment: try again soon. */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class })
	void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", "5");
		Errors.send(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "platform.error.unavailable");
	}

	private static @org.jspecify.annotations.Nullable String sqlState(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

}
