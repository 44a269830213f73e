package org.oneweek.people;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@code Authorization: Bearer ow_…} by its
 * {@link ApiTokens API token}, for the JSON API's security chain. Such a request is
 * stateless: the principal lives for this request only, no session is read or created. A
 * bad token is answered by the given entry point and counts towards the address's
 * lock-out like a failed login. The token is never logged.
 */
public final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	/** Requests that say they carry a Bearer token, good or bad. */
	public static final RequestMatcher BEARER = (request) -> isBearer(request.getHeader("Authorization"));

	private final ApiTokens tokens;

	private final LoginAttempts attempts;

	private final AuthenticationEntryPoint onFailure;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	/** Only for this request (and its error dispatch), never in a session. */
	private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

	public ApiTokenAuthenticationFilter(ApiTokens tokens, LoginAttempts attempts, AuthenticationEntryPoint onFailure) {
		this.tokens = tokens;
		this.attempts = attempts;
		this.onFailure = onFailure;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (!isBearer(header)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<AccountPrincipal> principal = tokens.authenticate(header.substring(6).strip());
		if (principal.isEmpty()) {
			attempts.failed(ApiTokens.FAILURE_NAME, request.getRemoteAddr());
			holder.clearContext();
			onFailure.commence(request, response,
					new BadCredentialsException("unknown, malformed, expired or revoked API token"));
			return;
		}
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
				principal.get().getAuthorities()));
		holder.setContext(context);
		repository.saveContext(context, request, response);
		chain.doFilter(request, response);
	}

	static boolean isBearer(@Nullable String header) {
		return header != null && header.regionMatches(true, 0, "Bearer", 0, 6)
				&& (header.length() == 6 || Character.isWhitespace(header.charAt(6)));
	}

}
