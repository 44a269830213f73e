package org.oneweek.bulletin;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.oneweek.casework.CaseId;
import org.oneweek.people.AccountId;
import org.oneweek.people.AccountPrincipal;
import org.oneweek.people.Accounts;
import org.oneweek.people.CreateAccount;
import org.oneweek.people.Role;
import org.oneweek.platform.AuditLog;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keys other systems use to create cases through Open311, managed by the organization
 * department. Only a hash of a key is stored; the key is shown once. Each key acts
 * through an account of its own that cannot sign in, so every case it creates says which
 * system sent it.
 */
@Service
public class Open311Keys {

	private static final RowMapper<Key> KEY = Open311Keys::map;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final AuditLog audit;

	Open311Keys(JdbcClient jdbc, Accounts accounts, AuditLog audit) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
	}

	/**
	 * A key as stored.
	 *
	 * @param hint the first characters of the key, to tell keys apart
	 */
	public record Key(long id, String name, String hint, AccountId accountId, Instant createdAt, String createdBy,
			@Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

		public boolean active() {
			return revokedAt == null;
		}

		/** The system acting with this key: it may record a case in any village. */
		public AccountPrincipal principal() {
			return new AccountPrincipal(accountId, "open311-" + id, null, "Open311: " + name, Set.of(Role.ORG_ADMIN),
					null, null, null, true, false);
		}

	}

	/** A new key, to be shown once. */
	public record Created(long id, String key) {

	}

	@Transactional
	public Created create(String name, String actor, Instant now) {
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		String key = "ow311-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		return new Created(create(name, key, actor, false, now), key);
	}

	/** A key with a given value (the demo's); demo keys act through demo accounts. */
	@Transactional
	public long create(String name, String key, String actor, boolean demo, Instant now) {
		String systemName = name.strip();
		byte[] random = new byte[16];
		RANDOM.nextBytes(random);
		String username = "open311-" + HexFormat.of().formatHex(random, 0, 5);
		String displayName = "Open311: " + systemName;
		AccountId accountId = accounts.create(new CreateAccount(username, displayName, Set.of(Role.ORG_ADMIN), null,
				null, null, Base64.getUrlEncoder().encodeToString(random)), actor, demo);
		accounts.setEnabled(accountId, false, actor);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into bulletin_open311_key (name, key_hash, key_hint, account_id, created_at, created_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(systemName, FollowUps.hash(key), key.substring(0, Math.min(10, key.length())), accountId.value(),
					Timestamp.from(now), actor)
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		audit.record("open311_key", id, "create", actor, null, java.util.Map.of("name", systemName));
		return id;
	}

	@Transactional
	public void revoke(long id, String actor, Instant now) {
		if (jdbc
			.sql("update bulletin_open311_key set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
			.params(Timestamp.from(now), actor, id)
			.update() > 0) {
			audit.record("open311_key", id, "revoke", actor, null, null);
		}
	}

	/** The active key with this value, if any; notes when it was last used. */
	@Transactional
	public Optional<Key> authenticate(@Nullable String key, Instant now) {
		if (key == null || key.isBlank() || key.length() > 200) {
			return Optional.empty();
		}
		Optional<Key> found = jdbc.sql("select * from bulletin_open311_key where key_hash = ? and revoked_at is null")
			.param(FollowUps.hash(key.strip()))
			.query(KEY)
			.optional();
		found.filter((k) -> k.lastUsedAt() == null || k.lastUsedAt().isBefore(now.minus(Duration.ofMinutes(1))))
			.ifPresent((k) -> jdbc.sql("update bulletin_open311_key set last_used_at = ? where id = ?")
				.params(Timestamp.from(now), k.id())
				.update());
		return found;
	}

	@Transactional(readOnly = true)
	public List<Key> all() {
		return jdbc.sql("select * from bulletin_open311_key order by revoked_at is not null, created_at desc")
			.query(KEY)
			.list();
	}

	@Transactional(readOnly = true)
	public boolean exists(String key) {
		return jdbc.sql("select exists (select 1 from bulletin_open311_key where key_hash = ?)")
			.param(FollowUps.hash(key))
			.query(Boolean.class)
			.single();
	}

	/** Remembers which key created which case, for Open311's tokens. */
	@Transactional
	public String token(long keyId, CaseId caseId, Instant now) {
		byte[] random = new byte[12];
		RANDOM.nextBytes(random);
		String token = HexFormat.of().formatHex(random);
		jdbc.sql("insert into bulletin_open311_token (token, case_id, key_id, created_at) values (?, ?, ?, ?)")
			.params(token, caseId.value(), keyId, Timestamp.from(now))
			.update();
		return token;
	}

	/** The case created with a token. */
	@Transactional(readOnly = true)
	public Optional<CaseId> caseOfToken(String token) {
		return jdbc.sql("select case_id from bulletin_open311_token where token = ?")
			.param(token)
			.query(Long.class)
			.optional()
			.map(CaseId::of);
	}

	private static Key map(ResultSet rs, int n) throws SQLException {
		Timestamp used = rs.getTimestamp("last_used_at");
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new Key(rs.getLong("id"), rs.getString("name"), rs.getString("key_hint"),
				AccountId.of(rs.getLong("account_id")), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), (used != null) ? used.toInstant() : null,
				(revoked != null) ? revoked.toInstant() : null);
	}

}
