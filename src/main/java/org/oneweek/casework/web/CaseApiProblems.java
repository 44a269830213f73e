package org.oneweek.casework.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oneweek.casework.CaseNotFoundException;
import org.oneweek.casework.CaseRuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the JSON API as RFC 9457 problem details, in words a person understands and
 * never with a stack trace. Only for the API: pages keep their HTML error pages.
 */
@RestControllerAdvice(assignableTypes = CaseApiController.class)
class CaseApiProblems {

	private static final Logger log = LoggerFactory.getLogger(CaseApiProblems.class);

	private final CaseTexts texts;

	CaseApiProblems(CaseTexts texts) {
		this.texts = texts;
	}

	@ExceptionHandler(CaseNotFoundException.class)
	ProblemDetail notFound(Locale locale) {
		return problem(HttpStatus.NOT_FOUND, texts.msg("error.404.text", locale));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(Locale locale) {
		return problem(HttpStatus.FORBIDDEN, texts.msg("error.403.text", locale));
	}

	/** An illegal transition conflicts with the case's state; other refusals are 422. */
	@ExceptionHandler(CaseRuleException.class)
	ProblemDetail refused(CaseRuleException ex, Locale locale) {
		HttpStatus status = ex.messageKey().startsWith("case.refused.") ? HttpStatus.CONFLICT
				: HttpStatus.UNPROCESSABLE_CONTENT;
		ProblemDetail problem = problem(status, texts.refusal(ex, locale));
		problem.setProperty("code", ex.messageKey());
		return problem;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, texts.msg("error.400.text", locale));
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((e) -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
			.toList();
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class })
	ProblemDetail unreadable(Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, texts.msg("error.400.text", locale));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail mediaType(Locale locale) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, texts.msg("error.400.text", locale));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ProblemDetail method(Locale locale) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, texts.msg("error.400.text", locale));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex, Locale locale) {
		// the message only: request bodies (and reporters) are never logged
		log.error("API request failed: {}", ex.getClass().getName());
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, texts.msg("error.500.text", locale));
	}

	private static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

}
