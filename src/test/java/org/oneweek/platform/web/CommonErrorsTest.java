package org.oneweek.platform.web;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What counts as the database being away: the failures seen while PostgreSQL restarted
 * under load (faults.FaultsTest), which were answered 500 before.
 */
class CommonErrorsTest {

	@Test
	void aRollbackThatFailedAfterTheConnectionWasLostIsTheDatabaseAway() {
		TransactionSystemException failed = new TransactionSystemException("Could not roll back JDBC transaction",
				new SQLException("This connection has been closed.", "08003"));
		failed.initApplicationException(
				new DataAccessResourceFailureException("terminating connection due to administrator command",
						new SQLException("terminating connection due to administrator command", "57P01")));
		assertThat(CommonErrors.databaseAway(failed)).isTrue();
	}

	@Test
	void aCommitCutOffWhoseRollbackMetAClosedConnectionIsTheDatabaseAway() {
		assertThat(CommonErrors.databaseAway(
				new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))
			.isTrue();
	}

	@Test
	void aConnectionRefusedIsTheDatabaseAway() {
		assertThat(CommonErrors.databaseAway(new RuntimeException(new SQLException("Connection refused", "08001"))))
			.isTrue();
	}

	@Test
	void otherFailuresAreNot() {
		assertThat(CommonErrors.databaseAway(new TransactionSystemException("commit failed",
				new DataIntegrityViolationException("duplicate key", new SQLException("duplicate key", "23505")))))
			.isFalse();
		assertThat(CommonErrors.databaseAway(null)).isFalse();
	}

	@Test
	void aFilterThatMetTheDatabaseAwayIsAnswered503() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.setUseCodeAsDefaultMessage(true);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/cases");
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new CannotGetJdbcConnectionException(
				"Failed to obtain JDBC Connection", new SQLException("Connection refused", "08001")));
		MockHttpServletResponse response = new MockHttpServletResponse();
		Object answer = new ErrorPages(messages, List.of()).error(request, response, Locale.ENGLISH);
		assertThat(answer).isInstanceOfSatisfying(ResponseEntity.class,
				(entity) -> assertThat(entity.getStatusCode().value()).isEqualTo(503));
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
	}

}
