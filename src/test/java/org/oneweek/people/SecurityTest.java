package org.oneweek.people;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.web.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@OneweekTest
class SecurityTest {

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Accounts accounts;

	@AfterEach
	void forgetFailures() {
		jdbc.sql("delete from login_failure").update();
	}

	@Test
	void demoAccountLogsInToTheHomePage() throws Exception {
		mvc.perform(formLogin().user("secretary").password("oneweek-demo")).andExpect(redirectedUrl("/"));
	}

	@Test
	void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() throws Exception {
		mvc.perform(formLogin().user("secretary").password("wrong-password")).andExpect(redirectedUrl("/login?error"));
		mvc.perform(formLogin().user("nobody-here").password("wrong-password"))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void loginWithoutCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/login").param("username", "secretary").param("password", "oneweek-demo"))
			.andExpect(status().isForbidden());
	}

	@Test
	void formsWithoutCsrfTokenChangeNothing() throws Exception {
		long before = jdbc.sql("select count(*) from unit").query(Long.class).single();
		mvc.perform(post("/units").param("code", "NOCSRF")
			.param("name", "无令牌")
			.with(user(users.loadUserByUsername("admin")))).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from unit").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin().user("committee-hw").password("guess-" + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(formLogin().user("committee-hw").password("oneweek-demo"))
			.andExpect(redirectedUrl("/login?locked"));
		// another account is not affected
		mvc.perform(formLogin().user("committee-ls").password("oneweek-demo")).andExpect(redirectedUrl("/"));
	}

	@Test
	void anAddressThatFailsTooOftenIsBlockedBeforeAnyPasswordCheck() throws Exception {
		for (int i = 0; i < 20; i++) {
			mvc.perform(loginFrom("203.0.113.9", "nobody-" + i, "guess"));
		}
		mvc.perform(loginFrom("203.0.113.9", "secretary", "oneweek-demo")).andExpect(redirectedUrl("/login?blocked"));
		mvc.perform(formLogin().user("secretary").password("oneweek-demo")).andExpect(redirectedUrl("/"));
	}

	@Test
	void sessionIsStoredInTheDatabaseAndLogoutEndsItOnTheServer() throws Exception {
		WebClient client = new WebClient(port);
		client.login("troubleshooter", "oneweek-demo");
		assertThat(client.get("/").statusCode()).isEqualTo(200);
		String sessionId = client.cookie("SESSION");
		assertThat(sessionId).isNotNull();
		// the cookie carries the session id in Base64; other tests may hold sessions of
		// their own
		String id = new String(java.util.Base64.getDecoder().decode(sessionId),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(jdbc.sql("select principal_name from spring_session where session_id = ?")
			.param(id)
			.query(String.class)
			.optional()).contains("troubleshooter");
		client.logout();
		assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		// the old session cookie, replayed, no longer opens anything
		WebClient replay = new WebClient(port);
		replay.setCookie("SESSION", sessionId);
		assertThat(replay.get("/").headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	@Test
	void rememberMeIssuesAPersistentTokenThatSignsInAgain() throws Exception {
		MvcResult login = mvc
			.perform(post("/login").with(csrf())
				.param("username", "unit")
				.param("password", "oneweek-demo")
				.param("remember-me", "on"))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		Cookie rememberMe = login.getResponse().getCookie("remember-me");
		assertThat(rememberMe).isNotNull();
		assertThat(rememberMe.isHttpOnly()).isTrue();
		assertThat(
				jdbc.sql("select count(*) from persistent_logins where username = 'unit'").query(Long.class).single())
			.isEqualTo(1);
		mvc.perform(get("/").cookie(rememberMe)).andExpect(status().isOk());
	}

	@Test
	void pagesCarrySecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
		mvc.perform(get("https://oneweek.example/login").secure(true))
			.andExpect(header().string("Strict-Transport-Security", org.hamcrest.Matchers.containsString("max-age=")));
	}

	@Test
	void passwordsAreStoredWithArgon2() {
		String hash = jdbc.sql("select password_hash from user_account where username = 'admin'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$argon2id$");
		assertThat(passwords.matches("oneweek-demo", hash)).isTrue();
	}

	@Test
	void passwordPolicyAcceptsEightToOneHundredTwentyEightCharacters() {
		assertThat(PasswordPolicy.problem("short77", "x")).isEqualTo("password.tooShort");
		assertThat(PasswordPolicy.problem("river8ox", "x")).isNull();
		assertThat(PasswordPolicy.problem("一周书记驻村一周", "x")).isNull();
		assertThat(PasswordPolicy.problem("ab1".repeat(21), "x")).isEqualTo("people.password.common");
		assertThat(PasswordPolicy.problem("东江村的石桥栏杆".repeat(16), "x")).isNull();
		assertThat(PasswordPolicy.problem("东江村的石桥栏杆".repeat(16) + "!", "x")).isEqualTo("password.tooLong");
		assertThat(PasswordPolicy.problem("Secretary", "secretary")).isEqualTo("password.sameAsUsername");
	}

	@Test
	void commonAndRegularPasswordsAreRefused() {
		assertThat(PasswordPolicy.commonCount()).isGreaterThan(10_000);
		for (String common : List.of("password", "12345678", "Password", "iloveyou", "qwertyuiop", "1qaz2wsx",
				"aaaaaaaa", "12121212", "abcdefgh", "87654321", "一二一二一二一二", "oneweek2026", "OneWeek!!")) {
			assertThat(PasswordPolicy.problem(common, "x")).as(common).isEqualTo("people.password.common");
		}
		assertThat(PasswordPolicy.problem("zhouwb2026", "zhouwb")).isEqualTo("people.password.common");
		assertThat(PasswordPolicy.problem("河边的柳树发芽了", "x")).isNull();
		assertThat(PasswordPolicy.problem("correct horse battery staple", "x")).isNull();
	}

	@Test
	void theCurrentAndRecentPasswordsAreNotTakenAgain() {
		String username = "reuse-" + System.nanoTime() % 1_000_000;
		AccountId id = accounts.create(
				new CreateAccount(username, "复用测试", Set.of(Role.SECRETARY), null, null, null, "first-river-stone"),
				"test");
		assertThatThrownBy(() -> accounts.changeOwnPassword(id, "first-river-stone", "first-river-stone"))
			.hasMessage("people.password.reused");
		accounts.changeOwnPassword(id, "first-river-stone", "second-willow-path");
		accounts.changeOwnPassword(id, "second-willow-path", "third-stone-bridge");
		assertThatThrownBy(() -> accounts.changeOwnPassword(id, "third-stone-bridge", "first-river-stone"))
			.hasMessage("people.password.reused");
		assertThatThrownBy(() -> accounts.resetPassword(id, "second-willow-path", "admin"))
			.hasMessage("people.password.reused");
		accounts.resetPassword(id, "fourth-quiet-field", "admin");
	}

	@Test
	void theRememberMeCookieIsSameSiteAndSecureOverHttps() throws Exception {
		for (boolean https : new boolean[] { false, true }) {
			Cookie rememberMe = mvc
				.perform(post("/login").secure(https)
					.with(csrf())
					.param("username", "unit")
					.param("password", "oneweek-demo")
					.param("remember-me", "on"))
				.andReturn()
				.getResponse()
				.getCookie("remember-me");
			assertThat(rememberMe).isNotNull();
			assertThat(rememberMe.getAttribute("SameSite")).isEqualTo("Lax");
			assertThat(rememberMe.getSecure()).isEqualTo(https);
		}
	}

	@Test
	void changingOnesPasswordNeedsTheCurrentOne() throws Exception {
		var me = users.loadUserByUsername("committee-tY".toLowerCase());
		mvc.perform(post("/account/password").with(csrf())
			.with(user(me))
			.param("currentPassword", "not-it")
			.param("newPassword", "新的密码很安全可靠")
			.param("confirmPassword", "新的密码很安全可靠"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("当前密码不对")));
		mvc.perform(post("/account/password").with(csrf())
			.with(user(me))
			.param("currentPassword", "oneweek-demo")
			.param("newPassword", "新的密码很安全可靠")
			.param("confirmPassword", "新的密码很安全可靠")).andExpect(redirectedUrl("/account"));
		mvc.perform(formLogin().user("committee-ty").password("新的密码很安全可靠")).andExpect(redirectedUrl("/"));
	}

	private static MockHttpServletRequestBuilder loginFrom(String address, String username, String password) {
		return post("/login").with(csrf()).param("username", username).param("password", password).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		});
	}

}
