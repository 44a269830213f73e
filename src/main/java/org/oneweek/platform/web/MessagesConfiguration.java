package org.oneweek.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The texts of the pages: the shared bundle {@code i18n/messages} and one bundle per
 * module that has its own, {@code i18n/<module>/messages}, found on the class path. A
 * module adds its texts in its own files, so modules built side by side do not edit one
 * file.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	static final String SHARED = "i18n/messages";

	/** UTF-8, and never the server's own language in place of Chinese. */
	@Bean
	MessageSource messageSource() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(basenames().toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	/** The shared bundle first, then the modules' bundles in the order of their names. */
	static List<String> basenames() {
		List<String> names = new ArrayList<>();
		names.add(SHARED);
		TreeSet<String> modules = new TreeSet<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:i18n/*/messages.properties")) {
				String url = resource.getURL().toString();
				String folder = url.substring(0, url.lastIndexOf('/'));
				modules.add(folder.substring(folder.lastIndexOf('/') + 1));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		modules.forEach((module) -> names.add("i18n/" + module + "/messages"));
		return names;
	}

}
