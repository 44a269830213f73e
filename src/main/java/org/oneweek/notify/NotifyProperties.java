package org.oneweek.notify;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notices ({@code oneweek.notify.*}).
 *
 * @param quietStart the hour (district time) from which only urgent notices go out by SMS
 * or the group robot
 * @param quietEnd the hour at which the others go out
 * @param maxAttempts how often a notice is tried before it is marked failed
 * @param firstRetry the wait before the second try; each further wait doubles, up to an
 * hour
 * @param batch how many notices one instance claims at a time
 */
@ConfigurationProperties("oneweek.notify")
public record NotifyProperties(@DefaultValue("22") int quietStart, @DefaultValue("7") int quietEnd,
		@DefaultValue("6") int maxAttempts, @DefaultValue("1m") Duration firstRetry, @DefaultValue("20") int batch,
		@DefaultValue Sms sms, @DefaultValue Webhook webhook) {

	public NotifyProperties {
		if (quietStart < 0 || quietStart > 23 || quietEnd < 0 || quietEnd > 23) {
			throw new IllegalArgumentException("oneweek.notify.quiet-start and quiet-end must be 0 to 23");
		}
		if (maxAttempts < 1 || batch < 1) {
			throw new IllegalArgumentException("oneweek.notify.max-attempts and batch must be at least 1");
		}
	}

	/**
	 * Alibaba Cloud SMS (短信服务): on when the access key, the sign name and the template
	 * are set. The template has one variable, {@code content}.
	 *
	 * @param endpoint the API's host (and port); a local stub in tests
	 * @param protocol {@code HTTPS}, or {@code HTTP} for a local stub
	 */
	public record Sms(@Nullable String accessKeyId, @Nullable String accessKeySecret,
			@DefaultValue("dysmsapi.aliyuncs.com") String endpoint, @DefaultValue("HTTPS") String protocol,
			@DefaultValue("cn-hangzhou") String regionId, @Nullable String signName, @Nullable String templateCode) {

		public boolean enabled() {
			return present(accessKeyId) && present(accessKeySecret) && present(signName) && present(templateCode);
		}

	}

	/**
	 * The department's group robot (a WeCom 群机器人 webhook): when the address is set, it
	 * receives every notice for the department's group, as
	 * {@code {"msgtype":"text",...}}.
	 */
	public record Webhook(@Nullable String url) {

		public boolean enabled() {
			return present(url);
		}

	}

	/** The same settings with another SMS provider address and robot address (tests). */
	public NotifyProperties with(Sms sms, Webhook webhook) {
		return new NotifyProperties(quietStart, quietEnd, maxAttempts, firstRetry, batch, sms, webhook);
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
