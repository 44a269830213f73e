package org.oneweek.web;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP client against the running server, with cookies and CSRF tokens taken from
 * the pages like a browser does: for what MockMvc cannot show (the session cookie, the
 * real filter chain).
 */
public class WebClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/** What a browser asks for. */
	private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private final int port;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	public WebClient(int port) {
		this.port = port;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", ACCEPT).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
		String body = form.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", ACCEPT)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Posts a form with the CSRF token of the page it is on. */
	public HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) throws Exception {
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", csrf(get(pagePath).body()));
		return post(action, form);
	}

	/** Sends a request of one's own with this client's cookies. */
	public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.header("Accept", ACCEPT).build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> login(String username, String password) throws Exception {
		HttpResponse<String> response = submit("/login", "/login", Map.of("username", username, "password", password));
		if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("login failed for " + username);
		}
		return response;
	}

	public HttpResponse<String> logout() throws Exception {
		return submit("/", "/logout", Map.of());
	}

	public String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	public void setCookie(String name, String value) {
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		cookies.getCookieStore().add(uri("/"), cookie);
	}

	public static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return matcher.group(1);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
