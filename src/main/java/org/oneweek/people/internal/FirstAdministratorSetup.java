package org.oneweek.people.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

import java.util.Set;

import org.oneweek.platform.Digests;
import org.oneweek.people.Accounts;
import org.oneweek.people.CreateAccount;
import org.oneweek.people.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * There is no default account outside the demo: on a start with no administrator, a
 * one-time link is printed to the log, with which the first organization administrator is
 * created.
 */
@Component
@Profile("!demo")
public class FirstAdministratorSetup {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministratorSetup.class);

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final Environment environment;

	public FirstAdministratorSetup(Accounts accounts, JdbcClient jdbc, Environment environment) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void announce() {
		if (accounts.anyAdministrator()) {
			return;
		}
		String token = newToken();
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		log.warn("""

				====================================================================
				 oneweek has no administrator yet. Create the first one here
				 (the link works once):
				   http://localhost:{}/setup?token={}
				====================================================================""", port, token);
	}

	@Transactional
	public String newToken() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		jdbc.sql("insert into setup_token (token_hash) values (?)").param(Digests.sha256Hex(token)).update();
		return token;
	}

	/**
	 * Uses the token once; false when it is unknown, used, or an administrator already
	 * exists.
	 */
	@Transactional
	public boolean consume(String token) {
		if (accounts.anyAdministrator()) {
			return false;
		}
		return jdbc.sql("update setup_token set used_at = now() where token_hash = ? and used_at is null")
			.param(Digests.sha256Hex(token))
			.update() == 1;
	}

	/**
	 * Creates the first administrator with a valid token; the token is used up only if
	 * the account is created.
	 * @throws org.oneweek.people.InvalidPasswordException when the password breaks the
	 * policy
	 */
	@Transactional
	public boolean createFirstAdministrator(String token, String username, String displayName, String password) {
		if (!consume(token)) {
			return false;
		}
		accounts.create(new CreateAccount(username, displayName, Set.of(Role.ORG_ADMIN), null, null, null, password),
				username);
		return true;
	}

	@Transactional(readOnly = true)
	public boolean valid(String token) {
		return !accounts.anyAdministrator()
				&& jdbc.sql("select exists (select 1 from setup_token where token_hash = ? and used_at is null)")
					.param(Digests.sha256Hex(token))
					.query(Boolean.class)
					.single();
	}

}
