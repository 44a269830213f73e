package org.oneweek.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.casework.CaseIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client says about itself in headers is not believed: the host it claims does not
 * go into links, cached boards, QR codes or Open311 answers; the address it claims in
 * {@code X-Forwarded-For} does not replace its own unless it comes through a configured
 * proxy (none by default). And one person's parallel requests do not collide in their
 * session.
 */
@OneweekTest
class RequestHeadersTest {

	static final String EVIL = "evil.example";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	CaseIntake intake;

	@Autowired
	java.time.Clock clock;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anotherHostInTheRequestNeverGetsIntoPublicLinks() throws Exception {
		for (String path : List.of("/board/DJ/poster", "/board/DJ/poster?size=A3", "/board/DJ",
				"/open311/v2/discovery.xml")) {
			for (String header : List.of("Host", "X-Forwarded-Host")) {
				HttpResponse<String> response = get(path, header, EVIL);
				assertThat(response.statusCode()).as(path + " " + header).isLessThan(500);
				assertThat(response.body()).as(path + " " + header).doesNotContain(EVIL);
			}
		}
		// the board rendered for the attacker is not what the next villager gets either
		HttpResponse<String> next = http.send(HttpRequest.newBuilder(uri("/board/DJ")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(next.body()).doesNotContain(EVIL);
		// the QR code itself encodes the same address
		HttpResponse<String> qr = get("/board/DJ/qr.svg", "Host", EVIL + ":" + port);
		assertThat(qr.body()).doesNotContain(EVIL);
	}

	@Test
	void open311sServiceNoticeNamesTheConfiguredSiteNotTheCallersHost() throws Exception {
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/open311/v2/requests.json"))
			.header("X-Forwarded-Host", EVIL)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					"api_key=oneweek-demo-open311&jurisdiction_id=QXD&service_code=ROADS&attribute%5Bvillage%5D=DJ"
							+ "&lat=32.1234&long=118.9&description=%E8%B7%AF%E7%81%AF%E5%9D%8F%E4%BA%86"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.body()).contains("service_notice").doesNotContain(EVIL);
	}

	@Test
	void theCalendarLinkIgnoresTheHostHeader() throws Exception {
		WebClient secretary = new WebClient(port);
		secretary.login("secretary", "oneweek-demo");
		String token = WebClient.csrf(secretary.get("/my/roster").body());
		secretary.send(HttpRequest.newBuilder(uri("/my/roster/calendar"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-Host", EVIL)
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token)));
		assertThat(secretary.get("/my/roster").body()).doesNotContain(EVIL);
	}

	@Test
	void xForwardedForFromAnUnconfiguredProxyIsNotBelieved() throws Exception {
		String username = "nobody-" + System.nanoTime();
		WebClient client = new WebClient(port);
		String token = WebClient.csrf(client.get("/login").body());
		client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", "203.0.113.77")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&username=" + username + "&password=x")));
		assertThat(jdbc.sql("select remote_addr from login_failure where username = ?")
			.param(username)
			.query(String.class)
			.list()).isNotEmpty().doesNotContain("203.0.113.77");
	}

	@Test
	void parallelPostsOfOneFormInOneSessionAllAnswer() throws Exception {
		String reference = intake
			.record(CaseFixtures.intake(fixtures.villageId("DJ"), "水沟堵了").toCommand(), fixtures.principal("secretary"),
					clock.instant())
			.reference();
		WebClient client = new WebClient(port);
		client.login("secretary", "oneweek-demo");
		String token = WebClient.csrf(client.get("/cases/" + reference).body());
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 2; round++) {
				List<Callable<Integer>> posts = java.util.Collections.nCopies(4,
						() -> client
							.post("/cases/" + reference + "/note",
									Map.of("_csrf", token, "text", "已联系村民", "progress", "10"))
							.statusCode());
				for (Future<Integer> status : pool.invokeAll(posts)) {
					assertThat(status.get()).isEqualTo(302);
				}
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private HttpResponse<String> get(String path, String header, String value) throws Exception {
		// the JDK client refuses to set Host itself: a raw request line does it
		if ("Host".equals(header)) {
			try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
				socket.getOutputStream()
					.write(("GET " + path + " HTTP/1.1\r\nHost: " + value + "\r\nConnection: close\r\n\r\n")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8));
				String raw = new String(socket.getInputStream().readAllBytes(),
						java.nio.charset.StandardCharsets.UTF_8);
				int status = Integer.parseInt(raw.substring(9, 12));
				return new RawResponse(status, raw);
			}
		}
		return http.send(HttpRequest.newBuilder(uri(path)).header(header, value).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/**
	 * Status and the whole raw answer (headers and body; chunk sizes do not matter here).
	 */
	private record RawResponse(int statusCode, String body) implements HttpResponse<String> {

		@Override
		public HttpRequest request() {
			throw new UnsupportedOperationException();
		}

		@Override
		public java.util.Optional<HttpResponse<String>> previousResponse() {
			return java.util.Optional.empty();
		}

		@Override
		public java.net.http.HttpHeaders headers() {
			return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
		}

		@Override
		public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
			return java.util.Optional.empty();
		}

		@Override
		public URI uri() {
			throw new UnsupportedOperationException();
		}

		@Override
		public HttpClient.Version version() {
			return HttpClient.Version.HTTP_1_1;
		}

	}

}
