package org.oneweek.notify.internal;

import java.util.Map;

import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendSmsResponse;
import com.aliyun.teaopenapi.models.Config;
import tools.jackson.databind.json.JsonMapper;
import org.jspecify.annotations.Nullable;
import org.oneweek.notify.Channel;
import org.oneweek.notify.NoticeSender;
import org.oneweek.notify.NotifyProperties;

/**
 * Text messages through Alibaba Cloud SMS (短信服务) with its SDK: the configured sign name
 * and template, whose one variable {@code content} holds the notice's text. The
 * provider's answer must be {@code Code = OK}; anything else is a failure to try again.
 */
public class SmsChannel implements NoticeSender {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final NotifyProperties.Sms settings;

	private final @Nullable Client client;

	public SmsChannel(NotifyProperties properties) throws Exception {
		this.settings = properties.sms();
		this.client = settings.enabled() ? new Client(new Config().setAccessKeyId(settings.accessKeyId())
			.setAccessKeySecret(settings.accessKeySecret())
			.setEndpoint(settings.endpoint())
			.setProtocol(settings.protocol())
			.setRegionId(settings.regionId())
			.setConnectTimeout(5000)
			.setReadTimeout(10000)) : null;
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public boolean enabled() {
		return client != null;
	}

	@Override
	public void send(Outgoing message) throws Exception {
		if (client == null) {
			throw new IllegalStateException("SMS is not configured");
		}
		SendSmsRequest request = new SendSmsRequest().setPhoneNumbers(message.phone())
			.setSignName(settings.signName())
			.setTemplateCode(settings.templateCode())
			.setTemplateParam(JSON.writeValueAsString(Map.of("content", message.text())))
			.setOutId(Long.toString(message.noticeId()));
		SendSmsResponse response = client.sendSms(request);
		String code = (response.getBody() != null) ? response.getBody().getCode() : null;
		if (!"OK".equals(code)) {
			String why = (response.getBody() != null) ? response.getBody().getMessage() : null;
			throw new IllegalStateException("SMS provider answered " + code + ((why != null) ? ": " + why : ""));
		}
	}

}
