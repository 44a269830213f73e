package org.oneweek.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place every error is answered, whoever raised it (a controller, a filter, the
 * server refusing an upload that is too large): a page in the person's language, an RFC
 * 9457 problem detail under {@code /api}, or the format a module claims for its paths
 * ({@link ErrorFormat}). Never a stack trace, never the server's own page. Opened
 * directly, {@code /error} is not a page: 404.
 */
@Controller
class ErrorPages implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

	private final MessageSource messages;

	private final List<ErrorFormat> formats;

	ErrorPages(MessageSource messages, List<ErrorFormat> formats) {
		this.messages = messages;
		this.formats = formats;
	}

	@RequestMapping("${server.error.path:/error}")
	Object error(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? resolve(value) : HttpStatus.NOT_FOUND;
		if (status == HttpStatus.INTERNAL_SERVER_ERROR
				&& request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable ex
				&& CommonErrors.databaseAway(ex)) {
			// the database away while a filter read from it (a session, an API token)
			status = HttpStatus.SERVICE_UNAVAILABLE;
			response.setHeader("Retry-After", "5");
			request.setAttribute(Errors.MESSAGE_KEY, "platform.error.unavailable");
		}
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (failed instanceof String uri) ? uri.substring(request.getContextPath().length())
				: request.getRequestURI().substring(request.getContextPath().length());
		if (status.is5xxServerError()
				&& request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable ex) {
			// the kind only: request bodies (and reporters) are never logged
			log.error("Request to {} failed: {}", path, ex.getClass().getName());
		}
		Object key = request.getAttribute(Errors.MESSAGE_KEY);
		String textKey = (key instanceof String given) ? given : textKey(status);
		String detail = messages.getMessage(textKey, null, locale);
		for (ErrorFormat format : formats) {
			if (format.claims(path)) {
				return format.answer(path, status, detail);
			}
		}
		if (path.startsWith("/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setTitle(status.getReasonPhrase());
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		return new ModelAndView("error",
				Map.of("status", status.value(), "titleKey", titleKey(status), "textKey", textKey), status);
	}

	private static HttpStatus resolve(int code) {
		HttpStatus status = HttpStatus.resolve(code);
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	static String titleKey(HttpStatus status) {
		return switch (status.value()) {
			case 403 -> "error.403.title";
			case 404 -> "error.404.title";
			case 413 -> "platform.error.413.title";
			default -> status.is5xxServerError() ? "error.500.title" : "error.400.title";
		};
	}

	static String textKey(HttpStatus status) {
		return switch (status.value()) {
			case 401, 403 -> "error.403.text";
			case 404 -> "error.404.text";
			case 413 -> "platform.error.413.text";
			default -> status.is5xxServerError() ? "error.500.text" : "error.400.text";
		};
	}

}
