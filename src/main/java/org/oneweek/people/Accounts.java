package org.oneweek.people;

import java.sql.Array;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.oneweek.places.VillageId;
import org.oneweek.platform.AuditLog;
import org.oneweek.platform.Ids;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User accounts: creation by the organization department, passwords, enabling and
 * disabling. Accounts are never deleted, only disabled, so the history of who did what
 * stays readable.
 */
@Service
public class Accounts {

	static final RowMapper<Account> ACCOUNT = (rs, n) -> new Account(AccountId.of(rs.getLong("id")),
			rs.getString("username"), rs.getString("display_name"), roles(rs.getArray("roles")),
			Ids.nullable(rs.getObject("member_id", Long.class), MemberId::of),
			Ids.nullable(rs.getObject("village_id", Long.class), VillageId::of),
			Ids.nullable(rs.getObject("unit_id", Long.class), UnitId::of), rs.getBoolean("enabled"));

	/**
	 * A new password may not be the current one nor any of the ones before it, up to this
	 * many.
	 */
	static final int PASSWORDS_REMEMBERED = 5;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final ApiTokens tokens;

	Accounts(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, ApiTokens tokens) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.audit = audit;
		this.tokens = tokens;
	}

	@Transactional(readOnly = true)
	public List<Account> all() {
		return jdbc.sql("select * from user_account order by enabled desc, username").query(ACCOUNT).list();
	}

	@Transactional(readOnly = true)
	public Optional<Account> account(AccountId id) {
		return jdbc.sql("select * from user_account where id = ?").param(id.value()).query(ACCOUNT).optional();
	}

	@Transactional(readOnly = true)
	public Optional<Account> byUsername(String username) {
		return jdbc.sql("select * from user_account where lower(username) = lower(?)")
			.param(username)
			.query(ACCOUNT)
			.optional();
	}

	@Transactional(readOnly = true)
	public boolean anyAdministrator() {
		return jdbc.sql("select exists (select 1 from user_account where 'ORG_ADMIN' = any(roles) and enabled)")
			.query(Boolean.class)
			.single();
	}

	/**
	 * @throws DuplicateUsernameException when the name is taken
	 * @throws InvalidPasswordException when the password breaks the policy
	 */
	@Transactional
	public AccountId create(CreateAccount command, String actor) {
		return create(command, actor, false);
	}

	/**
	 * @param demo whether the account is part of the demo district; an account created by
	 * a demo account (an Open311 key's, one an administrator of the demo adds) is too, so
	 * that the demo still starts again on its own database afterwards
	 */
	@Transactional
	public AccountId create(CreateAccount command, String actor, boolean demo) {
		boolean ofTheDemo = demo
				|| jdbc.sql("select exists (select 1 from user_account where lower(username) = lower(?) and demo)")
					.param(actor)
					.query(Boolean.class)
					.single();
		String problem = PasswordPolicy.problem(command.password(), command.username());
		if (problem != null) {
			throw new InvalidPasswordException(problem);
		}
		if (byUsername(command.username()).isPresent()) {
			throw new DuplicateUsernameException(command.username());
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						insert into user_account (username, password_hash, display_name, roles, member_id, village_id, unit_id, demo)
						values (?, ?, ?, ?::text[], ?, ?, ?, ?)""")
			.params(command.username().strip(), passwords.encode(command.password()), command.displayName().strip(),
					rolesLiteral(command.roles()), Ids.value(command.memberId()), Ids.value(command.villageId()),
					Ids.value(command.unitId()), ofTheDemo)
			.update(keys, "id");
		AccountId id = AccountId.of(keys.getKeyAs(Long.class));
		Map<String, @Nullable Object> after = new LinkedHashMap<>();
		after.put("username", command.username());
		after.put("roles", command.roles().toString());
		after.put("memberId", Ids.value(command.memberId()));
		after.put("villageId", Ids.value(command.villageId()));
		after.put("unitId", Ids.value(command.unitId()));
		audit.record("account", id, "create", actor, null, after);
		return id;
	}

	/**
	 * A person changes their own password, proving they know the current one.
	 */
	@Transactional
	public void changeOwnPassword(AccountId accountId, @Nullable String current, @Nullable String replacement) {
		Map<String, Object> row = jdbc.sql("select username, password_hash from user_account where id = ? for update")
			.param(accountId.value())
			.query()
			.singleRow();
		if (current == null || !passwords.matches(current, (String) row.get("password_hash"))) {
			throw new InvalidPasswordException("password.currentWrong");
		}
		setPassword(accountId, replacement, (String) row.get("username"), (String) row.get("username"));
	}

	/** The organization department sets a new password for someone who forgot theirs. */
	@Transactional
	public void resetPassword(AccountId accountId, @Nullable String replacement, String actor) {
		String username = jdbc.sql("select username from user_account where id = ? for update")
			.param(accountId.value())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
		setPassword(accountId, replacement, username, actor);
		// a reset also lifts a lock-out
		jdbc.sql("delete from login_failure where lower(username) = lower(?)").param(username).update();
	}

	@Transactional
	public void setEnabled(AccountId accountId, boolean enabled, String actor) {
		int changed = jdbc.sql("update user_account set enabled = ? where id = ? and enabled <> ?")
			.params(enabled, accountId.value(), enabled)
			.update();
		if (changed > 0) {
			audit.record("account", accountId, enabled ? "enable" : "disable", actor, null, null);
			if (!enabled) {
				// end the person's sessions everywhere, on every instance
				jdbc.sql("""
						delete from spring_session where principal_name =
						(select username from user_account where id = ?)""").param(accountId.value()).update();
				// and its API tokens on this instance at once (elsewhere within the cache
				// time)
				tokens.forgetAccount(accountId);
			}
		}
	}

	private void setPassword(AccountId accountId, @Nullable String replacement, String username, String actor) {
		String problem = PasswordPolicy.problem(replacement, username);
		if (problem != null) {
			throw new InvalidPasswordException(problem);
		}
		String current = jdbc.sql("select password_hash from user_account where id = ? for update")
			.param(accountId.value())
			.query(String.class)
			.single();
		List<String> earlier = jdbc.sql("""
				select password_hash from password_history where account_id = ?
				order by replaced_at desc, id desc limit ?""")
			.params(accountId.value(), PASSWORDS_REMEMBERED - 1)
			.query(String.class)
			.list();
		if (passwords.matches(replacement, current)
				|| earlier.stream().anyMatch((hash) -> passwords.matches(replacement, hash))) {
			throw new InvalidPasswordException("people.password.reused");
		}
		jdbc.sql("insert into password_history (account_id, password_hash) values (?, ?)")
			.params(accountId.value(), current)
			.update();
		jdbc.sql("update user_account set password_hash = ?, password_changed_at = now() where id = ?")
			.params(passwords.encode(replacement), accountId.value())
			.update();
		audit.record("account", accountId, "password", actor, null, null);
	}

	static String rolesLiteral(Set<Role> roles) {
		return "{" + String.join(",", roles.stream().map(Role::name).sorted().toList()) + "}";
	}

	static Set<Role> roles(@Nullable Array array) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (array != null) {
			for (Object role : (Object[]) array.getArray()) {
				roles.add(Role.valueOf((String) role));
			}
		}
		return roles;
	}

}
