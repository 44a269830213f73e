package org.oneweek.notify.internal;

import org.oneweek.notify.NotifyProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ways out: SMS and the group robot, each on only when configured. */
@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {

	@Bean
	SmsChannel smsChannel(NotifyProperties properties) throws Exception {
		return new SmsChannel(properties);
	}

	@Bean
	WebhookChannel webhookChannel(NotifyProperties properties) {
		return new WebhookChannel(properties);
	}

}
