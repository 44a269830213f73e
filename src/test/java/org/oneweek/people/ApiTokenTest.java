package org.oneweek.people;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.casework.CaseFixtures;
import org.oneweek.platform.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Personal API tokens: created on the account page and shown once, used as a Bearer token
 * on the JSON API without a session or CSRF token, refused once revoked, expired or when
 * the account is disabled; never stored in plain text. Every test uses accounts of its
 * own.
 */
@OneweekTest
class ApiTokenTest {

	private static final AtomicInteger accountsMade = new AtomicInteger();

	private static final Pattern TOKEN = Pattern.compile("ow_[A-Za-z0-9_-]{43}");

	/** Failed tokens in MockMvc come from this address, so they block nobody else. */
	private static final String TEST_ADDRESS = "192.0.2.77";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Accounts accounts;

	@Autowired
	LoginAttempts attempts;

	@Autowired
	AccountUserDetailsService principals;

	@Autowired
	AuditLog audit;

	@Autowired
	Clock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	MockMvc mvc;

	final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void forgetFailedTokens() {
		// failed tokens over real HTTP count against 127.0.0.1, where other tests log in
		jdbc.sql("delete from login_failure where username = ?").param(ApiTokens.FAILURE_NAME).update();
	}

	/** A new department account of this test's own; returns its principal. */
	AccountPrincipal newAccount() {
		String username = "tok" + ProcessHandle.current().pid() % 10000 + "-" + accountsMade.incrementAndGet();
		accounts.create(new CreateAccount(username, "令牌测试" + username, Set.of(Role.ORG_ADMIN), null, null, null,
				"token-test-password"), "test");
		return fixtures.principal(username);
	}

	String token(AccountPrincipal owner, String name) {
		return tokens.create(owner.accountId(), name, ApiTokens.Validity.NONE, null, owner.getUsername()).token();
	}

	HttpResponse<String> api(String method, String path, String authorization, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json")
			.header("Authorization", authorization);
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> list(String token) throws Exception {
		return api("GET", "/api/v1/cases?village=" + fixtures.villageId("DJ"), "Bearer " + token, null);
	}

	String caseBody(String title) {
		return """
				{"villageId": %d, "source": "PHONE", "type": "HELP", "category": "SANITATION", "urgency": "NORMAL",
				 "title": "%s"}""".formatted(fixtures.villageId("DJ"), title);
	}

	static void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":401").doesNotContain("Exception");
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void aTokenRecordsACaseWithoutCookieOrCsrfAndLeavesNoSession() throws Exception {
		AccountPrincipal owner = newAccount();
		String token = token(owner, "村委会表格");
		assertThat(token).matches(TOKEN.pattern());

		HttpResponse<String> created = api("POST", "/api/v1/cases", "Bearer " + token, caseBody("令牌记录的问题"));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().allValues("Set-Cookie")).isEmpty();
		String reference = json.readTree(created.body()).get("reference").asString();
		assertThat(jdbc.sql("select recorded_by from case_file where reference = ?")
			.param(reference)
			.query(Long.class)
			.single()).isEqualTo(owner.accountId().value());

		HttpResponse<String> read = api("GET", "/api/v1/cases/" + reference, "bearer " + token, null);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(read.body()).contains("令牌记录的问题");

		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(owner.getUsername())
			.query(Long.class)
			.single()).isZero();
		assertThat(tokens.of(owner.accountId())).singleElement()
			.satisfies((t) -> assertThat(t.lastUsedAt()).isNotNull());
	}

	@Test
	void lastUseIsWrittenAtMostOnceAnHour() {
		AccountPrincipal owner = newAccount();
		String token = token(owner, "基准测试");
		assertThat(tokens.authenticate(token)).isPresent();
		Instant first = tokens.of(owner.accountId()).get(0).lastUsedAt();
		assertThat(first).isNotNull();
		tokens.forgetAll();
		assertThat(tokens.authenticate(token)).isPresent();
		assertThat(tokens.of(owner.accountId()).get(0).lastUsedAt()).isEqualTo(first);
	}

	@Test
	void aRevokedTokenIsRefusedAtOnce() throws Exception {
		AccountPrincipal owner = newAccount();
		String token = token(owner, "手机应用");
		assertThat(list(token).statusCode()).isEqualTo(200);
		long id = tokens.of(owner.accountId()).get(0).id();
		assertThat(tokens.revoke(id, owner.accountId(), owner.getUsername())).isTrue();
		assertRefused(list(token));
		assertThat(tokens.of(owner.accountId()).get(0).revokedBy()).isEqualTo(owner.getUsername());
		assertThat(jdbc.sql("select action from audit_log where entity = 'api_token' and entity_id = ? order by id")
			.param(String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("create", "revoke");
	}

	@Test
	void anExpiredTokenIsRefused() throws Exception {
		AccountPrincipal owner = newAccount();
		String token = tokens.create(owner.accountId(), "三十天", ApiTokens.Validity.DAYS_30, null, owner.getUsername())
			.token();
		ApiTokens.ApiToken stored = tokens.of(owner.accountId()).get(0);
		assertThat(Duration.between(stored.createdAt(), stored.expiresAt())).isEqualTo(Duration.ofDays(30));
		assertThat(list(token).statusCode()).isEqualTo(200);
		jdbc.sql("update api_token set expires_at = now() - interval '1 minute' where id = ?")
			.param(stored.id())
			.update();
		tokens.forgetAll();
		assertRefused(list(token));
	}

	@Test
	void aDisabledOrLockedAccountsTokenIsRefused() throws Exception {
		AccountPrincipal owner = newAccount();
		String token = token(owner, "停用测试");
		assertThat(list(token).statusCode()).isEqualTo(200);
		accounts.setEnabled(owner.accountId(), false, "test");
		assertRefused(list(token));
		accounts.setEnabled(owner.accountId(), true, "test");
		assertThat(list(token).statusCode()).isEqualTo(200);

		for (int i = 0; i < 5; i++) {
			attempts.failed(owner.getUsername(), "198.51.100.7");
		}
		tokens.forgetAll();
		try {
			assertRefused(list(token));
		}
		finally {
			jdbc.sql("delete from login_failure where username = ?").param(owner.getUsername()).update();
		}
	}

	@Test
	void aCheckedTokenIsTrustedForTheConfiguredTimeOnly() throws Exception {
		AccountPrincipal owner = newAccount();
		String token = token(owner, "缓存测试");
		ApiTokens briefly = new ApiTokens(jdbc, principals, audit, clock, new ApiTokens.Settings(Duration.ofMillis(1)),
				transactions);
		assertThat(tokens.authenticate(token)).isPresent();
		assertThat(briefly.authenticate(token)).isPresent();
		// disabled behind this instance's back, as by another instance
		jdbc.sql("update user_account set enabled = false where id = ?").param(owner.accountId().value()).update();
		Thread.sleep(5);
		assertThat(briefly.authenticate(token)).isEmpty();
		// the default ten seconds have not passed
		assertThat(tokens.authenticate(token)).isPresent();
		tokens.forgetAccount(owner.accountId());
		assertThat(tokens.authenticate(token)).isEmpty();
	}

	@Test
	void malformedAndUnknownTokensAre401AndCountAsFailedLogins() throws Exception {
		AccountPrincipal owner = newAccount();
		String good = token(owner, "格式测试");
		List<String> headers = List.of("Bearer", "Bearer ", "Bearer garbage", "Bearer ow_" + "A".repeat(5000),
				"Bearer ow_令牌令牌令牌", "Bearer " + good.substring(0, good.length() - 1) + "é", "Bearer " + good + "x",
				"Bearer ow_" + "B".repeat(43), "Bearer  \t ");
		for (String header : headers) {
			for (MockHttpServletRequestBuilder request : List.of(get("/api/v1/cases"),
					post("/api/v1/cases").contentType("application/json").content(caseBody("不该记录")))) {
				MockHttpServletResponse response = mvc.perform(request.header("Authorization", header).with((r) -> {
					r.setRemoteAddr(TEST_ADDRESS);
					return r;
				})).andReturn().getResponse();
				assertThat(response.getStatus()).as(header).isEqualTo(401);
				assertThat(response.getContentType()).startsWith("application/problem+json");
				assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
				assertThat(response.getContentAsString()).doesNotContain("Exception").doesNotContain(good);
			}
		}
		assertThat(jdbc.sql("select count(*) from login_failure where remote_addr = ? and username = ?")
			.params(TEST_ADDRESS, ApiTokens.FAILURE_NAME)
			.query(Long.class)
			.single()).isEqualTo(2L * headers.size());
		assertThat(jdbc.sql("select count(*) from case_file where title = '不该记录'").query(Long.class).single()).isZero();
		// the same through the real server
		assertRefused(api("GET", "/api/v1/cases", "Bearer ow_" + "A".repeat(5000), null));
		assertRefused(api("POST", "/api/v1/cases", "Bearer garbage", caseBody("不该记录")));
		assertRefused(api("GET", "/api/v1/cases", "Bearer", null));
	}

	@Test
	void onlyTheHashIsStored() {
		AccountPrincipal owner = newAccount();
		ApiTokens.Created created = tokens.create(owner.accountId(), "只存哈希", ApiTokens.Validity.DAYS_90,
				UUID.randomUUID().toString(), owner.getUsername());
		String token = created.token();
		String secret = token.substring(3);
		List<String> rows = jdbc.sql("select t::text from api_token t where account_id = ?")
			.param(owner.accountId().value())
			.query(String.class)
			.list();
		assertThat(rows).singleElement().satisfies((row) -> assertThat(row).doesNotContain(secret));
		assertThat(jdbc.sql("select token_hash from api_token where id = ?")
			.param(created.id())
			.query(String.class)
			.single()).isEqualTo(org.oneweek.platform.Digests.sha256Hex(token)).matches("[0-9a-f]{64}");
		assertThat(jdbc.sql("select a::text from audit_log a where entity = 'api_token' and entity_id = ?")
			.param(String.valueOf(created.id()))
			.query(String.class)
			.list()).isNotEmpty().allSatisfy((row) -> assertThat(row).doesNotContain(secret));
	}

	@Test
	void theAccountPageCreatesATokenOnceAndShowsItOnce() throws Exception {
		AccountPrincipal owner = newAccount();
		String key = UUID.randomUUID().toString();
		String first = mvc
			.perform(post("/account/tokens").with(user(owner))
				.with(csrf())
				.param("name", "考勤表格")
				.param("validity", "DAYS_30")
				.param("requestKey", key))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher shown = TOKEN.matcher(first);
		assertThat(shown.find()).isTrue();
		assertThat(first).contains("请现在就复制这个令牌", "考勤表格");
		assertThat(tokens.authenticate(shown.group()))
			.hasValueSatisfying((p) -> assertThat(p.accountId()).isEqualTo(owner.accountId()));

		String again = mvc
			.perform(post("/account/tokens").with(user(owner))
				.with(csrf())
				.param("name", "考勤表格")
				.param("validity", "DAYS_30")
				.param("requestKey", key))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(TOKEN.matcher(again).find()).isFalse();
		assertThat(again).contains("这个表单已经提交过");
		assertThat(tokens.of(owner.accountId())).hasSize(1);

		// the page shows it later without its value
		String page = mvc.perform(get("/account").with(user(owner))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("考勤表格").doesNotContain(shown.group());
	}

	@Test
	void badInputIsShownBesideTheFieldAndCreatesNothing() throws Exception {
		AccountPrincipal owner = newAccount();
		String blank = mvc
			.perform(post("/account/tokens").with(user(owner))
				.with(csrf())
				.param("name", "  ")
				.param("validity", "DAYS_30")
				.param("requestKey", UUID.randomUUID().toString()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(blank).contains("class=\"field-error\">请填写此项。");
		String tooLong = mvc
			.perform(post("/account/tokens").with(user(owner))
				.with(csrf())
				.cookie(new jakarta.servlet.http.Cookie("oneweek-lang", "en"))
				.param("name", "x".repeat(61))
				.param("validity", "FOREVER")
				.param("requestKey", UUID.randomUUID().toString()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(tooLong).contains("The name can have at most 60 characters.", "x".repeat(61));
		assertThat(TOKEN.matcher(blank + tooLong).find()).isFalse();
		assertThat(tokens.of(owner.accountId())).isEmpty();
	}

	@Test
	void anotherAccountCanNeitherSeeNorRevokeMyTokens() throws Exception {
		AccountPrincipal owner = newAccount();
		AccountPrincipal other = newAccount();
		String token = token(owner, "只属于我的令牌");
		long id = tokens.of(owner.accountId()).get(0).id();
		assertThat(mvc.perform(get("/account").with(user(other))).andReturn().getResponse().getContentAsString())
			.doesNotContain("只属于我的令牌");
		assertThat(mvc.perform(post("/account/tokens/" + id + "/revoke").with(user(other)).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(tokens.of(other.accountId())).isEmpty();
		assertThat(tokens.of(owner.accountId()).get(0).revoked()).isFalse();
		assertThat(tokens.authenticate(token)).isPresent();
		// without the CSRF token nothing happens either
		assertThat(mvc.perform(post("/account/tokens/" + id + "/revoke").with(user(owner)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);

		assertThat(mvc.perform(post("/account/tokens/" + id + "/revoke").with(user(owner)).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/account#api-tokens");
		assertThat(tokens.authenticate(token)).isEmpty();
	}

	@Test
	void theDepartmentSeesAndRevokesAnAccountsTokens() throws Exception {
		AccountPrincipal owner = newAccount();
		AccountPrincipal other = newAccount();
		AccountPrincipal admin = fixtures.principal("admin");
		String token = token(owner, "丢了的手机");
		long id = tokens.of(owner.accountId()).get(0).id();
		assertThat(mvc.perform(get("/accounts/" + owner.accountId() + "/tokens").with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("丢了的手机", "token-" + id).doesNotContain(token);
		assertThat(mvc
			.perform(
					post("/accounts/" + other.accountId() + "/tokens/" + id + "/revoke").with(user(admin)).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(
				mvc.perform(get("/accounts/999999999/tokens").with(user(admin))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(tokens.authenticate(token)).isPresent();
		assertThat(mvc
			.perform(
					post("/accounts/" + owner.accountId() + "/tokens/" + id + "/revoke").with(user(admin)).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/accounts/" + owner.accountId() + "/tokens");
		assertThat(tokens.authenticate(token)).isEmpty();
		assertThat(tokens.of(owner.accountId()).get(0).revokedBy()).isEqualTo("admin");
		// the owner sees who revoked it
		assertThat(mvc.perform(get("/account").with(user(owner))).andReturn().getResponse().getContentAsString())
			.contains("由 admin 撤销");
	}

}
