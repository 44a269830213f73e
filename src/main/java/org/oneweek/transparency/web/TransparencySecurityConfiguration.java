package org.oneweek.transparency.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The log is public: its tiles, checkpoint, key, page and proofs are read by anybody,
 * without an account, and only read (anything but GET is refused). A person signed in is
 * still recognized on the log's page.
 */
@Configuration(proxyBeanMethods = false)
class TransparencySecurityConfiguration {

	@Bean
	@Order(0)
	SecurityFilterChain transparencySecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/transparency", "/transparency/**", "/api/v1/transparency/**")
			.authorizeHttpRequests(
					(authorize) -> authorize.requestMatchers(HttpMethod.GET, "/**").permitAll().anyRequest().denyAll())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(
					"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
							+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
				.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

}
