package org.oneweek.bulletin.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oneweek.bulletin.internal.BoardCache;
import org.oneweek.platform.web.PublicAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers a board that was just rendered straight from the cache, before the rest of the
 * filter chain, with the very headers the full chain answered it with (security headers
 * included). A board is the same for everyone, so there is nothing to check; anything
 * else (another method, a query, a page not cached or stale) takes the normal way.
 */
class BoardFastPath extends OncePerRequestFilter {

	private static final Pattern BOARD = Pattern.compile("^/board/([A-Za-z0-9][A-Za-z0-9_-]{0,31})$");

	/** Headers that belong to one answer only. */
	private static final Set<String> OWN = Set.of("etag", "content-length", "date", "set-cookie", "transfer-encoding",
			"connection", "keep-alive");

	private final BoardCache cache;

	private final LocaleResolver locales;

	private final PublicAddress address;

	BoardFastPath(BoardCache cache, LocaleResolver locales, PublicAddress address) {
		this.cache = cache;
		this.locales = locales;
		this.address = address;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean head = "HEAD".equals(request.getMethod());
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Matcher board = BOARD.matcher(path);
		if ((!head && !"GET".equals(request.getMethod())) || request.getQueryString() != null || !board.matches()) {
			chain.doFilter(request, response);
			return;
		}
		Locale locale = locales.resolveLocale(request);
		String key = BoardController.cacheKey(board.group(1), locale, address.baseUrl(request));
		BoardCache.Answer answer = cache.fresh(key);
		if (answer == null) {
			chain.doFilter(request, response);
			String etag = response.getHeader(HttpHeaders.ETAG);
			if (response.getStatus() == HttpServletResponse.SC_OK && etag != null) {
				Map<String, List<String>> headers = new LinkedHashMap<>();
				for (String name : response.getHeaderNames()) {
					if (!OWN.contains(name.toLowerCase(Locale.ROOT))) {
						headers.put(name, new ArrayList<>(response.getHeaders(name)));
					}
				}
				cache.answered(key, etag, headers);
			}
			return;
		}
		answer.headers().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		String etag = answer.rendered().etag();
		response.setHeader(HttpHeaders.ETAG, etag);
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || "*".equals(ifNoneMatch.strip()))) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		byte[] body = answer.rendered().body();
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentLength(body.length);
		if (!head) {
			response.getOutputStream().write(body);
		}
	}

}
