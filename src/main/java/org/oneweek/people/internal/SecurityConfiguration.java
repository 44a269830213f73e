package org.oneweek.people.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.oneweek.people.LoginAttempts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** Pages anyone may open without signing in. */
	static final String[] PUBLIC = { "/login", "/setup", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
			"/actuator/health", "/actuator/health/**", "/error", "/board/**", "/c/**", "/open311/**", "/calendar/**",
			"/sw.js", "/manifest.webmanifest" };

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
	}

	@Bean
	PersistentTokenBasedRememberMeServices rememberMeServices(UserDetailsService users, DataSource dataSource,
			@Value("${oneweek.security.remember-me-key:}") @Nullable String configuredKey) {
		JdbcTokenRepositoryImpl tokens = new JdbcTokenRepositoryImpl();
		tokens.setDataSource(dataSource);
		String key = (configuredKey != null && !configuredKey.isBlank()) ? configuredKey : randomKey();
		PersistentTokenBasedRememberMeServices services = new PersistentTokenBasedRememberMeServices(key, users,
				tokens);
		services.setParameter("remember-me");
		services.setCookieName("remember-me");
		services.setTokenValiditySeconds(14 * 24 * 3600);
		// Secure whenever the request came over HTTPS (directly, or from a trusted proxy
		// that
		// said so); never sent along with another site's requests
		services.setCookieCustomizer((cookie) -> cookie.setAttribute("SameSite", "Lax"));
		return services;
	}

	/**
	 * The metrics and the build (Prometheus scrapes with HTTP Basic as a MONITORING
	 * account; the department may look with its session): nothing else is open to a
	 * monitoring account, and an anonymous request is answered 401.
	 */
	@Bean
	@org.springframework.core.annotation.Order(2)
	SecurityFilterChain monitoringSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/actuator/prometheus", "/actuator/info")
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().hasAnyRole("MONITORING", "ORG_ADMIN"))
			.httpBasic((basic) -> basic.realmName("oneweek-monitoring"))
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'")));
		return http.build();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginAttempts attempts,
			PersistentTokenBasedRememberMeServices rememberMe) throws Exception {
		SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
		success.setDefaultTargetUrl("/");
		http.authorizeHttpRequests((authorize) -> authorize.requestMatchers(PUBLIC)
			.permitAll()
			// the village committee imports its own problem list (casework)
			.requestMatchers("/imports/officials-list", "/imports/officials-list/**")
			.hasRole("COMMITTEE")
			.requestMatchers("/places/**", "/members/**", "/accounts/**", "/units/**", "/imports/**", "/roster/**")
			.hasRole("ORG_ADMIN")
			// metrics and the build for a monitoring account (Prometheus) and the
			// department
			.requestMatchers("/actuator/prometheus", "/actuator/info")
			.hasAnyRole("MONITORING", "ORG_ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").successHandler((request, response, authentication) -> {
				attempts.succeeded(authentication.getName());
				success.onAuthenticationSuccess(request, response, authentication);
			}).failureHandler((request, response, exception) -> {
				String username = request.getParameter("username");
				if (username != null && !username.isBlank()) {
					attempts.failed(username.strip(), request.getRemoteAddr());
				}
				String reason = (exception instanceof LockedException) ? "locked" : "error";
				response.sendRedirect(request.getContextPath() + "/login?" + reason);
			}).permitAll())
			// Open311 clients authenticate with an api_key, not with a cookie
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/open311/**"))
			.rememberMe((remember) -> remember.rememberMeServices(rememberMe))
			.logout((logout) -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.invalidateHttpSession(true)
				.clearAuthentication(true)
				.deleteCookies("SESSION", "remember-me"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.addFilterBefore(new AddressThrottle(attempts), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	private static String randomKey() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().encodeToString(bytes);
	}

	/**
	 * Refuses login attempts from an address that failed too often, before any password
	 * is checked.
	 */
	static final class AddressThrottle extends OncePerRequestFilter {

		private final LoginAttempts attempts;

		AddressThrottle(LoginAttempts attempts) {
			this.attempts = attempts;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if ("POST".equals(request.getMethod())
					&& (request.getContextPath() + "/login").equals(request.getRequestURI())
					&& attempts.addressBlocked(request.getRemoteAddr())) {
				response.sendRedirect(request.getContextPath() + "/login?blocked");
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
