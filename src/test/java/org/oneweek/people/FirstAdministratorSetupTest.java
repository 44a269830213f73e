package org.oneweek.people;

import org.junit.jupiter.api.Test;
import org.oneweek.OneweekTest;
import org.oneweek.people.internal.FirstAdministratorSetup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Outside the demo there is no default account: the first administrator is created with a
 * one-time link. The demo database has administrators, so each test disables them inside
 * a transaction that is rolled back.
 */
@OneweekTest
@Transactional
class FirstAdministratorSetupTest {

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Autowired
	MockMvc mvc;

	FirstAdministratorSetup setup() {
		jdbc.sql("update user_account set enabled = false where 'ORG_ADMIN' = any(roles)").update();
		return new FirstAdministratorSetup(accounts, jdbc, environment);
	}

	@Test
	void theLinkCreatesTheFirstAdministratorOnce() {
		FirstAdministratorSetup setup = setup();
		String token = setup.newToken();
		assertThat(setup.valid(token)).isTrue();
		assertThat(setup.createFirstAdministrator(token, "wang", "王敏", "组织部第一个管理员")).isTrue();
		assertThat(accounts.byUsername("wang"))
			.hasValueSatisfying((a) -> assertThat(a.roles()).containsExactly(Role.ORG_ADMIN));
		assertThat(setup.valid(token)).isFalse();
		assertThat(setup.createFirstAdministrator(token, "li", "李", "另一个管理员密码")).isFalse();
		assertThat(accounts.byUsername("li")).isEmpty();
	}

	@Test
	void anUnknownTokenDoesNothing() {
		FirstAdministratorSetup setup = setup();
		setup.newToken();
		assertThat(setup.createFirstAdministrator("0".repeat(48), "mallory", "M", "passw0rd-guess")).isFalse();
		assertThat(accounts.byUsername("mallory")).isEmpty();
	}

	@Test
	void aWeakPasswordIsRefused() {
		FirstAdministratorSetup setup = setup();
		String token = setup.newToken();
		assertThatThrownBy(() -> setup.createFirstAdministrator(token, "wang2", "王", "short"))
			.isInstanceOf(InvalidPasswordException.class);
	}

	@Test
	void theSetupPageDoesNotExistInTheDemo() throws Exception {
		mvc.perform(get("/setup").param("token", "anything")).andExpect(status().isNotFound());
	}

}
