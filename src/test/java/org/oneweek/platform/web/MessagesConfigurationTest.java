package org.oneweek.platform.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A module's own bundle, {@code i18n/<module>/messages}, is found without naming it. */
class MessagesConfigurationTest {

	MessageSource messages = new MessagesConfiguration().messageSource();

	@Test
	void aModulesBundleIsFoundOnTheClassPath() {
		assertThat(MessagesConfiguration.basenames()).startsWith("i18n/messages").contains("i18n/probe/messages");
		assertThat(this.messages.getMessage("probe.greeting", null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("你好");
		assertThat(this.messages.getMessage("probe.greeting", null, Locale.ENGLISH)).isEqualTo("Hello");
	}

	@Test
	void theSharedBundleStillAnswersInChineseByDefault() {
		assertThat(this.messages.getMessage("probe.greeting", null, Locale.GERMAN)).isEqualTo("你好");
	}

}
