package org.oneweek.notify.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.jspecify.annotations.Nullable;
import org.oneweek.notify.Channel;
import org.oneweek.notify.NoticeSender;
import org.oneweek.notify.NotifyProperties;

/**
 * The department's group robot: a WeCom (企业微信) 群机器人 webhook, which takes
 * {@code {"msgtype":"text","text":{"content":"…"}}} and answers {@code {"errcode":0}}.
 * DingTalk's robots take the same body.
 */
public class WebhookChannel implements NoticeSender {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final @Nullable URI url;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public WebhookChannel(NotifyProperties properties) {
		this.url = properties.webhook().enabled() ? URI.create(properties.webhook().url().strip()) : null;
	}

	@Override
	public Channel channel() {
		return Channel.WEBHOOK;
	}

	@Override
	public boolean enabled() {
		return url != null;
	}

	@Override
	public void send(Outgoing message) throws Exception {
		if (url == null) {
			throw new IllegalStateException("the group robot is not configured");
		}
		String body = JSON.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", message.text())));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException("the group robot answered HTTP " + response.statusCode());
		}
		JsonNode answer = JSON.readTree(response.body().isBlank() ? "{}" : response.body());
		if (answer.path("errcode").asInt(0) != 0) {
			throw new IllegalStateException("the group robot answered errcode " + answer.path("errcode").asInt() + ": "
					+ answer.path("errmsg").asText(""));
		}
	}

}
