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
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
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

	/**
	 * A transaction that could not begin, or whose statement and then rollback failed,
	 * because the database went away in the middle (a PostgreSQL restart under load): 503
	 * like the above, not 500. Any other failure of a transaction is the server's.
	 */
	@ExceptionHandler(TransactionException.class)
	void transaction(TransactionException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (ex instanceof CannotCreateTransactionException || databaseAway(ex)) {
			unavailable(request, response);
			return;
		}
		throw ex;
	}

	/** Whether the failure, or what caused it, is the database not being reachable. */
	static boolean databaseAway(@org.jspecify.annotations.Nullable Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof DataAccessResourceFailureException) {
				return true;
			}
			if (t instanceof TransactionSystemException && t.getCause() instanceof SQLException) {
				// the connection itself failed to commit or roll back (a commit refused
				// for
				// its data is translated to a DataAccessException instead): after a
				// commit
				// cut off by a restart, the rollback meets a closed connection
				// ("Connection is
				// closed", without an SQL state)
				return true;
			}
			if (t instanceof TransactionSystemException failed && failed.getApplicationException() != null
					&& failed.getApplicationException() != t && databaseAway(failed.getApplicationException())) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
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
