package org.oneweek.people;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.oneweek.platform.AuditLog;
import org.oneweek.platform.Caches;
import org.oneweek.platform.Digests;
import org.oneweek.platform.ReadCache;
import org.oneweek.platform.Texts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal API tokens: a person gives a machine client (a phone app, a spreadsheet tool)
 * a token instead of a password, and can take it back. A token acts as its account with
 * the account's roles. Only the SHA-256 of a token is stored; the token is shown once.
 * <p>
 * Checking a token is meant to be cheap: a token that worked is remembered with its
 * principal for {@link Settings#tokenCache()} on this instance, so a revocation, an
 * expiry, a disabled or locked account or a changed role elsewhere takes effect within
 * that time (on this instance, revocation and disabling take effect at once).
 */
@Service
public class ApiTokens {

	/**
	 * @param tokenCache how long a checked token is trusted on this instance without
	 * asking the database again
	 */
	@ConfigurationProperties("oneweek.api")
	public record Settings(@DefaultValue("10s") Duration tokenCache) {

	}

	/** How long a new token lasts. */
	public enum Validity {

		NONE(0), DAYS_30(30), DAYS_90(90), DAYS_365(365);

		private final int days;

		Validity(int days) {
			this.days = days;
		}

		public int days() {
			return days;
		}

		@Nullable Instant expiry(Instant now) {
			return (days == 0) ? null : now.plus(Duration.ofDays(days));
		}

	}

	/** A token as stored: never its value. */
	public record ApiToken(long id, AccountId accountId, String name, Instant createdAt, String createdBy,
			@Nullable Instant expiresAt, @Nullable Instant revokedAt, @Nullable String revokedBy,
			@Nullable Instant lastUsedAt) {

		public boolean revoked() {
			return revokedAt != null;
		}

		public boolean expiredAt(Instant now) {
			return expiresAt != null && !now.isBefore(expiresAt);
		}

		public boolean activeAt(Instant now) {
			return !revoked() && !expiredAt(now);
		}

	}

	/**
	 * A token just created, with its value to be shown once; or, when the same form was
	 * sent again, the token the first request created, without its value.
	 */
	public record Created(long id, @Nullable String token) {

		public boolean repeated() {
			return token == null;
		}

	}

	public static final String PREFIX = "ow_";

	/**
	 * The name failed tokens are counted under by {@link LoginAttempts}: no account can
	 * have it ({@link PeopleRules#USERNAME_PATTERN}), so it never locks anyone.
	 */
	public static final String FAILURE_NAME = "(api token)";

	/** "ow_" and 32 bytes in base64url without padding. */
	private static final Pattern FORMAT = Pattern.compile("ow_[A-Za-z0-9_-]{43}");

	/** {@code last_used_at} is written at most this often per token. */
	private static final Duration LAST_USED_EVERY = Duration.ofHours(1);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final RowMapper<ApiToken> TOKEN = ApiTokens::map;

	private final JdbcClient jdbc;

	private final AccountUserDetailsService principals;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate readOnly;

	/**
	 * Token hash → what it authenticates as, as last read (a token that does not work is
	 * not remembered: it is looked up again each time).
	 */
	private final ReadCache<String, Remembered> remembered;

	/** Token id → when its use was last written. */
	private final Map<Long, Instant> noted = new ConcurrentHashMap<>();

	private record Remembered(AccountPrincipal principal, long tokenId, @Nullable Instant expiresAt,
			@Nullable Instant lastUsedAt) {

	}

	@Autowired
	ApiTokens(JdbcClient jdbc, AccountUserDetailsService principals, AuditLog audit, Clock clock, Settings settings,
			PlatformTransactionManager transactions, Caches caches) {
		this(jdbc, principals, audit, clock, caches.readCache("api-tokens", settings.tokenCache()), transactions);
	}

	/** With a cache of its own (a test's second instance). */
	ApiTokens(JdbcClient jdbc, AccountUserDetailsService principals, AuditLog audit, Clock clock, Settings settings,
			PlatformTransactionManager transactions) {
		this(jdbc, principals, audit, clock, new ReadCache<>(settings.tokenCache()), transactions);
	}

	private ApiTokens(JdbcClient jdbc, AccountUserDetailsService principals, AuditLog audit, Clock clock,
			ReadCache<String, Remembered> remembered, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.principals = principals;
		this.audit = audit;
		this.clock = clock;
		this.remembered = remembered;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Creates a token for an account. With a request key (the hidden key of the form),
	 * the same request sent twice creates one token.
	 */
	@Transactional
	public Created create(AccountId accountId, String name, Validity validity, @Nullable String requestKey,
			String actor) {
		String key = Texts.blankToNull(requestKey);
		if (key != null) {
			Optional<Long> earlier = earlier(accountId, key);
			if (earlier.isPresent()) {
				return new Created(earlier.get(), null);
			}
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant now = clock.instant();
		Instant expiresAt = validity.expiry(now);
		String stripped = name.strip();
		// a concurrent twin of this request waits here for the first to commit, then
		// inserts nothing
		Optional<Long> inserted = jdbc.sql("""
				insert into api_token (account_id, name, token_hash, request_key, created_at, created_by, expires_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (account_id, request_key) do nothing
				returning id""")
			.params(accountId.value(), stripped, Digests.sha256Hex(token), key, Timestamp.from(now), actor,
					(expiresAt != null) ? Timestamp.from(expiresAt) : null)
			.query(Long.class)
			.optional();
		if (inserted.isEmpty()) {
			return new Created(earlier(accountId, key).orElseThrow(), null);
		}
		Map<String, @Nullable Object> after = new LinkedHashMap<>();
		after.put("accountId", accountId.value());
		after.put("name", stripped);
		after.put("expiresAt", (expiresAt != null) ? expiresAt.toString() : null);
		audit.record("api_token", inserted.get(), "create", actor, null, after);
		return new Created(inserted.get(), token);
	}

	/** An account's tokens, the usable ones first, newest first. */
	@Transactional(readOnly = true)
	public List<ApiToken> of(AccountId accountId) {
		return jdbc.sql("select * from api_token where account_id = ? order by revoked_at is not null, created_at desc")
			.param(accountId.value())
			.query(TOKEN)
			.list();
	}

	/**
	 * Revokes a token of an account; revoking it again changes nothing.
	 * @return false when the account has no such token
	 */
	@Transactional
	public boolean revoke(long tokenId, AccountId accountId, String actor) {
		Optional<String> hash = jdbc.sql("select token_hash from api_token where id = ? and account_id = ? for update")
			.params(tokenId, accountId.value())
			.query(String.class)
			.optional();
		if (hash.isEmpty()) {
			return false;
		}
		int changed = jdbc
			.sql("update api_token set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
			.params(Timestamp.from(clock.instant()), actor, tokenId)
			.update();
		if (changed > 0) {
			audit.record("api_token", tokenId, "revoke", actor, null, Map.of("accountId", accountId.value()));
		}
		remembered.changed();
		return true;
	}

	/**
	 * The principal a token authenticates as: empty for a malformed, unknown, revoked or
	 * expired token and for a disabled or locked account.
	 */
	public Optional<AccountPrincipal> authenticate(String token) {
		if (!FORMAT.matcher(token).matches()) {
			return Optional.empty();
		}
		Remembered entry = remembered.get(Digests.sha256Hex(token), (hash) -> readOnly.execute((status) -> load(hash)));
		if (entry == null) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		if (entry.expiresAt() != null && !now.isBefore(entry.expiresAt())) {
			return Optional.empty();
		}
		noteUse(entry, now);
		return Optional.of(entry.principal());
	}

	/**
	 * Forgets, on this instance, what the account's tokens authenticated as (its account
	 * was disabled or changed): with every other remembered token, now and after the
	 * transaction ends (see {@link ReadCache#changed()}).
	 */
	public void forgetAccount(AccountId accountId) {
		remembered.changed();
	}

	/**
	 * Forgets every remembered token on this instance: the next request asks the
	 * database.
	 */
	public void forgetAll() {
		remembered.changed();
	}

	private @Nullable Remembered load(String hash) {
		return jdbc.sql("""
				select a.*, t.id as token_id, t.expires_at as token_expires_at, t.last_used_at as token_last_used_at
				from api_token t join user_account a on a.id = t.account_id
				where t.token_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > ?)""")
			.params(hash, Timestamp.from(clock.instant()))
			.query((rs, n) -> {
				AccountPrincipal principal = principals.principal(rs);
				principal.eraseCredentials();
				Timestamp expires = rs.getTimestamp("token_expires_at");
				Timestamp used = rs.getTimestamp("token_last_used_at");
				return new Remembered(principal, rs.getLong("token_id"), (expires != null) ? expires.toInstant() : null,
						(used != null) ? used.toInstant() : null);
			})
			.optional()
			.filter((r) -> r.principal().isEnabled() && r.principal().isAccountNonLocked())
			.orElse(null);
	}

	private void noteUse(Remembered entry, Instant now) {
		Instant last = noted.getOrDefault(entry.tokenId(), entry.lastUsedAt());
		if (last != null && last.isAfter(now.minus(LAST_USED_EVERY))) {
			return;
		}
		// another instance may have noted the use already
		jdbc.sql("""
				update api_token set last_used_at = ?
				where id = ? and (last_used_at is null or last_used_at <= ?)""")
			.params(Timestamp.from(now), entry.tokenId(), Timestamp.from(now.minus(LAST_USED_EVERY)))
			.update();
		noted.put(entry.tokenId(), now);
	}

	private Optional<Long> earlier(AccountId accountId, String requestKey) {
		return jdbc.sql("select id from api_token where account_id = ? and request_key = ?")
			.params(accountId.value(), requestKey)
			.query(Long.class)
			.optional();
	}

	private static ApiToken map(ResultSet rs, int n) throws SQLException {
		return new ApiToken(rs.getLong("id"), AccountId.of(rs.getLong("account_id")), rs.getString("name"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("revoked_at")),
				rs.getString("revoked_by"), instant(rs.getTimestamp("last_used_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
