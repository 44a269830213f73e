package org.oneweek.casework.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.oneweek.people.ApiTokenAuthenticationFilter;
import org.oneweek.people.ApiTokens;
import org.oneweek.people.LoginAttempts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Security of the JSON API ({@code /api/**}): the browser's session works as on the pages
 * (with its CSRF token on changes), and machine clients may use a personal API token
 * ({@code Authorization: Bearer ow_…}, stateless: no session) or HTTP Basic. CSRF is not
 * asked of a request with Basic or Bearer credentials, since a browser never sends those
 * by itself to this API (it never receives a Basic challenge). Errors are problem
 * details, not login pages. Failed Basic logins and bad tokens count towards the lock-out
 * like failed form logins.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	static final RequestMatcher BASIC = (request) -> {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
	};

	static final RequestMatcher EXPLORER = (request) -> request.getRequestURI()
		.startsWith(request.getContextPath() + "/api/v1/swagger-ui/");

	static final String EXPLORER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, LoginAttempts attempts, ApiTokens tokens) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> unauthorized(request, response, attempts);
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(unauthorized))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler((request, response, ex) -> write(response, 403, "Forbidden",
						"This account may not do this, or the CSRF token is missing.")))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(BASIC, ApiTokenAuthenticationFilter.BEARER))
			// JSON needs nothing; the API explorer (Swagger UI, /api/v1/swagger-ui) its
			// own
			// scripts, styles and images, all from this site
			.headers((headers) -> headers
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(EXPLORER,
						new StaticHeadersWriter("Content-Security-Policy", EXPLORER_POLICY)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(EXPLORER),
						new StaticHeadersWriter("Content-Security-Policy", "default-src 'none'"))))
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, attempts, unauthorized),
					BasicAuthenticationFilter.class);
		return http.build();
	}

	private static void unauthorized(HttpServletRequest request, HttpServletResponse response, LoginAttempts attempts)
			throws IOException {
		if (ApiTokenAuthenticationFilter.BEARER.matches(request)) {
			// the filter has counted the failure
			response.setHeader("WWW-Authenticate", "Bearer realm=\"oneweek-api\", error=\"invalid_token\"");
			write(response, 401, "Unauthorized",
					"The API token is unknown, malformed, expired or revoked, or its account is disabled or locked.");
			return;
		}
		String username = basicUsername(request);
		if (username != null && !username.isBlank()) {
			attempts.failed(username.strip(), request.getRemoteAddr());
		}
		// no "Basic" challenge: a browser must not start caching credentials for this API
		response.setHeader("WWW-Authenticate", "OneweekBasic realm=\"oneweek-api\"");
		write(response, 401, "Unauthorized",
				"Sign in (session), or send an API token (Bearer) or HTTP Basic credentials.");
	}

	static @Nullable String basicUsername(HttpServletRequest request) {
		if (!BASIC.matches(request)) {
			return null;
		}
		try {
			String decoded = new String(
					Base64.getDecoder().decode(request.getHeader("Authorization").substring(6).strip()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon >= 0) ? decoded.substring(0, colon) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static void write(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
	}

}
