package org.oneweek.bulletin.web;

import org.oneweek.bulletin.internal.BoardCache;
import org.oneweek.platform.web.PublicAddress;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class BulletinWebConfiguration {

	/**
	 * Boards just rendered are answered before the security filters (they are public).
	 */
	@Bean
	FilterRegistrationBean<BoardFastPath> boardFastPath(BoardCache cache, LocaleResolver localeResolver,
			PublicAddress address) {
		FilterRegistrationBean<BoardFastPath> registration = new FilterRegistrationBean<>(
				new BoardFastPath(cache, localeResolver, address));
		registration.addUrlPatterns("/board/*");
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
		return registration;
	}

}
