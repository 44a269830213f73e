package org.oneweek.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The site's address as villagers and other systems reach it, for links that leave the
 * site: QR codes on posters, Open311's links, calendar feeds. It comes from configuration
 * ({@code oneweek.bulletin.public-url}), never from what a request says about itself: a
 * {@code Host} or {@code X-Forwarded-Host} header is the client's to choose, and a page
 * printed, cached or sent to another system with the attacker's host in it sends
 * villagers elsewhere. Without a configured address, a request's host is used only when
 * it is one of {@code oneweek.web.allowed-hosts} (by default this machine's own names,
 * for a demo or a first try); any other host gets {@code http://localhost} with the port
 * the request came in on.
 */
@Component
public class PublicAddress {

	private final @Nullable String configured;

	private final Set<String> allowedHosts;

	PublicAddress(@Value("${oneweek.bulletin.public-url:}") @Nullable String configured,
			@Value("${oneweek.web.allowed-hosts:localhost,127.0.0.1,::1,[::1]}") List<String> allowedHosts) {
		this.configured = (configured == null || configured.isBlank()) ? null
				: configured.strip().replaceAll("/+$", "");
		this.allowedHosts = allowedHosts.stream()
			.map((host) -> host.strip().toLowerCase(Locale.ROOT))
			.filter((host) -> !host.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Whether the public address is configured (else links are only good on this
	 * machine).
	 */
	public boolean isConfigured() {
		return configured != null;
	}

	/** The site's address without a trailing slash. */
	public String baseUrl() {
		if (configured != null) {
			return configured;
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return baseUrl(attributes.getRequest());
		}
		return "http://localhost";
	}

	/** The site's address for links made while answering this request. */
	public String baseUrl(HttpServletRequest request) {
		if (configured != null) {
			return configured;
		}
		String scheme = "https".equals(request.getScheme()) ? "https" : "http";
		String host = request.getServerName();
		int port;
		if (host != null && allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
			port = request.getServerPort();
		}
		else {
			host = "localhost";
			port = request.getLocalPort();
		}
		if (host.contains(":") && !host.startsWith("[")) {
			host = "[" + host + "]";
		}
		boolean defaultPort = port <= 0 || ("http".equals(scheme) && port == 80)
				|| ("https".equals(scheme) && port == 443);
		return scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath();
	}

}
