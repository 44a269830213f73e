package org.oneweek.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages as a person sees them through the real server: in their language, with a
 * way home, and never a stack trace.
 */
@OneweekTest
class ErrorPagesTest {

	@LocalServerPort
	int port;

	@Test
	void notFoundIsAFriendlyPageInChinese() throws Exception {
		WebClient client = new WebClient(port);
		client.login("admin", "oneweek-demo");
		HttpResponse<String> response = client.get("/places/villages/123456789");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("找不到这个页面").contains("返回首页").doesNotContain("Exception");
	}

	@Test
	void malformedInputIsABadRequestWithoutATrace() throws Exception {
		WebClient client = new WebClient(port);
		client.login("admin", "oneweek-demo");
		HttpResponse<String> response = client.get("/places/villages/%E4%B8%9C?lang=en");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Bad request").doesNotContain("at org.").doesNotContain("Exception");
	}

	@Test
	void forbiddenIsExplained() throws Exception {
		WebClient client = new WebClient(port);
		client.login("secretary", "oneweek-demo");
		HttpResponse<String> response = client.get("/members");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("没有权限");
	}

	@Test
	void healthIsPublic() throws Exception {
		HttpResponse<String> response = new WebClient(port).get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("UP");
	}

}
