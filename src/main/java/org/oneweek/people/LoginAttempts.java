package org.oneweek.people;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per account and per address, in the database so that every
 * instance sees the same count. An account is locked for a while after too many failures;
 * an address that tries too many accounts is slowed down the same way.
 */
@Service
public class LoginAttempts {

	/**
	 * @param maxPerAccount failures within the window that lock an account
	 * @param maxPerAddress failures within the window that block an address
	 * @param window how long failures count, and how long a lock lasts
	 */
	@ConfigurationProperties("oneweek.login")
	public record Settings(@DefaultValue("5") int maxPerAccount, @DefaultValue("20") int maxPerAddress,
			@DefaultValue("15m") Duration window) {

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Settings settings;

	LoginAttempts(JdbcClient jdbc, Clock clock, Settings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String username, String address) {
		jdbc.sql("insert into login_failure (username, remote_addr, at) values (?, ?, ?)")
			.params(shorten(username), address, now())
			.update();
	}

	@Transactional
	public void succeeded(String username) {
		jdbc.sql("delete from login_failure where lower(username) = lower(?)").param(username).update();
	}

	@Transactional(readOnly = true)
	public boolean accountLocked(String username) {
		return jdbc.sql("select count(*) from login_failure where lower(username) = lower(?) and at > ?")
			.params(username, now().minus(settings.window()))
			.query(Long.class)
			.single() >= settings.maxPerAccount();
	}

	@Transactional(readOnly = true)
	public boolean addressBlocked(String address) {
		return jdbc.sql("select count(*) from login_failure where remote_addr = ? and at > ?")
			.params(address, now().minus(settings.window()))
			.query(Long.class)
			.single() >= settings.maxPerAddress();
	}

	/** Forgets failures older than the window. */
	@Transactional
	public int purge() {
		return jdbc.sql("delete from login_failure where at < ?").param(now().minus(settings.window())).update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	private static String shorten(String username) {
		return (username.length() > 100) ? username.substring(0, 100) : username;
	}

}
