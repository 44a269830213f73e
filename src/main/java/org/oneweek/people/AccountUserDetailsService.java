package org.oneweek.people;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.oneweek.places.VillageId;
import org.oneweek.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads an account for login and remember-me; a locked-out account is marked locked so
 * Spring Security refuses it before the password is even checked. API tokens build their
 * principal here too, so a token acts with exactly what a login would give.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	private final LoginAttempts attempts;

	AccountUserDetailsService(JdbcClient jdbc, LoginAttempts attempts) {
		this.jdbc = jdbc;
		this.attempts = attempts;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return jdbc.sql("select * from user_account where lower(username) = lower(?)")
			.param(username)
			.query((rs, n) -> principal(rs))
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}

	/** The principal of the {@code user_account} row the result set is on. */
	AccountPrincipal principal(ResultSet rs) throws SQLException {
		return new AccountPrincipal(AccountId.of(rs.getLong("id")), rs.getString("username"),
				rs.getString("password_hash"), rs.getString("display_name"), Accounts.roles(rs.getArray("roles")),
				Ids.nullable(rs.getObject("member_id", Long.class), MemberId::of),
				Ids.nullable(rs.getObject("village_id", Long.class), VillageId::of),
				Ids.nullable(rs.getObject("unit_id", Long.class), UnitId::of), rs.getBoolean("enabled"),
				attempts.accountLocked(rs.getString("username")));
	}

}
