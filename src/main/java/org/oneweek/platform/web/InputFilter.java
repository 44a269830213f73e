package org.oneweek.platform.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads it, every request whose text holds U+0000: PostgreSQL
 * cannot store that character in text, so it would fail deep inside a change, after other
 * parts of the request had been checked. One place for every input: the path, the query,
 * form fields (multipart ones too) and text bodies (JSON as raw bytes and as the
 * {@code \u0000} escape, XML, plain text). Files are not looked into: their bytes are not
 * text.
 * <p>
 * Text bodies are read here, so they are also bounded here ({@link #MAX_BODY}, as uploads
 * are); a larger one is 413.
 */
class InputFilter extends OncePerRequestFilter {

	/** Marks a request whose form the server could not read. */
	static final String UNREADABLE = InputFilter.class.getName() + ".unreadable";

	/** The largest text body taken, as large as a whole upload may be. */
	static final int MAX_BODY = 16 * 1024 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			// the error page of a request whose form could not be read: every reader of
			// its
			// parameters (the language switch, multipart resolution, the page's links)
			// would
			// fail again, and the page would be empty; it sees a request without a form
			chain.doFilter(Boolean.TRUE.equals(request.getAttribute(UNREADABLE)) ? new WithoutForm(request) : request,
					response);
			return;
		}
		if (hasEncodedNul(request.getRequestURI()) || hasEncodedNul(request.getQueryString())) {
			refuse(request, response);
			return;
		}
		HttpServletRequest checked = request;
		if (isTextBody(request.getContentType())) {
			byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
			if (body.length > MAX_BODY) {
				Errors.send(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
						"platform.error.413.text");
				return;
			}
			if (hasNul(body, isJson(request.getContentType()))) {
				refuse(request, response);
				return;
			}
			checked = new ReadBody(request, body);
		}
		Map<String, String[]> parameters;
		try {
			parameters = checked.getParameterMap();
		}
		catch (IllegalStateException ex) {
			// the server refused to read the form (too large, too many fields): answered
			// as
			// such, by an error page that must not try to read the form again
			request.setAttribute(UNREADABLE, Boolean.TRUE);
			Errors.send(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "platform.error.413.text");
			return;
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (hasNul(parameter.getKey())) {
				refuse(request, response);
				return;
			}
			for (String value : parameter.getValue()) {
				if (hasNul(value)) {
					refuse(request, response);
					return;
				}
			}
		}
		chain.doFilter(checked, response);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Errors.send(request, response, HttpServletResponse.SC_BAD_REQUEST, "platform.error.nul");
	}

	static boolean hasNul(@Nullable String text) {
		return text != null && text.indexOf('\0') >= 0;
	}

	/** In a path or query as sent: NUL itself, or percent-encoded. */
	static boolean hasEncodedNul(@Nullable String text) {
		return text != null && (text.indexOf('\0') >= 0 || text.contains("%00"));
	}

	/** A raw NUL byte, or in JSON an unescaped {@code \u0000}. */
	static boolean hasNul(byte[] body, boolean json) {
		for (int i = 0; i < body.length; i++) {
			byte b = body[i];
			if (b == 0) {
				return true;
			}
			if (json && b == '\\' && i + 1 < body.length) {
				if (body[i + 1] == 'u' && i + 5 < body.length && body[i + 2] == '0' && body[i + 3] == '0'
						&& body[i + 4] == '0' && body[i + 5] == '0') {
					return true;
				}
				// an escaped character (\\, \", \n, …) is skipped whole
				i++;
			}
		}
		return false;
	}

	static boolean isTextBody(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		String type = contentType.toLowerCase(Locale.ROOT);
		return type.contains("json") || type.contains("xml") || type.startsWith("text/");
	}

	private static boolean isJson(@Nullable String contentType) {
		return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
	}

	/** The request with its body already read. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = StandardCharsets.UTF_8;
			if (encoding != null) {
				try {
					charset = Charset.forName(encoding);
				}
				catch (IllegalArgumentException ex) {
					throw new UnsupportedEncodingException(encoding);
				}
			}
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

	/** A request whose form is not there. */
	private static final class WithoutForm extends HttpServletRequestWrapper {

		WithoutForm(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			return null;
		}

		@Override
		public @Nullable String getContentType() {
			return null;
		}

		@Override
		public Collection<Part> getParts() {
			return List.of();
		}

		@Override
		public @Nullable Part getPart(String name) {
			return null;
		}

	}

}
